"""Commands that live in modules of their own; ``generator.cli`` adds them to ``deload``."""
