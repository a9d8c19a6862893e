"""What each `deload` command does, one module a command, as plain functions; ``generator.cli``
declares the commands and their options and calls these."""
