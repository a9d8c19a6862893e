"""A FIT encoder for the workout files Deload writes: byte for byte what the Garmin FIT SDK's
``Encoder`` writes for the same messages, at a tenth of its cost.

The SDK's encoder builds a message definition from the profile for every message it is
given and writes each value through several layers of checks; a plan's watch files are
hundreds of small workouts, and that made them most of a build's time. This encoder keeps
the SDK's rules, and its profile (field numbers, base types, scales, enum names), and
caches what the profile says about each field:

- a message's fields are written in the order of its dict, ``None`` values left out;
- a definition is reused when one of the 16 local message types has the same fields
  (number, size and base type, in any order; its values then follow the stored order),
  and a new one takes the next local type, round robin;
- strings are UTF-8 with a terminating NUL, their field as long as that;
- numbers are scaled and offset as the profile says (rounded, but for floats), cut to the
  base type's width; enum names become their numbers; datetimes FIT timestamps;
- the 14-byte header with its CRC, and the file's CRC at the end.

``tests/test_fit.py`` checks that every session of the sample plans encodes to the SDK's bytes.
"""

from __future__ import annotations

import struct
import sys
from datetime import datetime
from functools import cache
from typing import Any, NamedTuple

from garmin_fit_sdk import Profile
from garmin_fit_sdk import fit as FIT

_HEADER_SIZE = 14
_FIT_EPOCH_S = 631065600  # 1989-12-31T00:00:00Z, the FIT epoch
_STRING = FIT.BASE_TYPE["STRING"]
_FLOATS = ("float32", "float64")
_NUMERIC = frozenset(FIT.NUMERIC_FIELD_TYPES)


def _crc_table() -> tuple[int, ...]:
    """CRC-16 as FIT computes it (reflected polynomial 0xA001), a byte at a time."""
    table = []
    for byte in range(256):
        crc = byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
        table.append(crc)
    return tuple(table)


_CRC = _crc_table()


@cache
def _crc_words() -> list[int]:
    """The CRC two bytes at a time: the state after a little-endian word ``x`` (XORed into it),
    from the byte table; 65,536 entries, made on first use."""
    t = _CRC
    return [(t[x & 0xFF] >> 8) ^ t[((x >> 8) ^ t[x & 0xFF]) & 0xFF] for x in range(65536)]


def fit_crc(data: bytes | bytearray, end: int | None = None) -> int:
    """The FIT CRC of ``data[:end]``."""
    view = memoryview(data)[:end] if end is not None else memoryview(data)
    crc, size = 0, len(view)
    if sys.byteorder == "little":  # two bytes a step: as FIT's own order
        words = _crc_words()
        for word in view[:size & ~1].cast("H"):
            crc = words[crc ^ word]
        if size & 1:
            crc = (crc >> 8) ^ _CRC[(crc ^ view[size - 1]) & 0xFF]
        return crc
    for byte in view:  # pragma: no cover - a big-endian machine
        crc = (crc >> 8) ^ _CRC[(crc ^ byte) & 0xFF]
    return crc


class _Field(NamedTuple):
    name: str
    num: int
    base_type: int
    size: int  # bytes of one value; 0 for a string (its length + 1)
    endian: int
    kind: str  # "number", "date", "string" or "enum"
    type: str
    scale: float
    offset: float
    pack: struct.Struct | None
    mask: int
    signed: bool
    invalid: int
    plain: bool  # a whole number is written as it is: no scale or offset, not a float
    enums: dict[Any, int]  # an enum's names to numbers
    whole: bool  # an int is written masked, as it is: a plain unsigned number, or an enum's number


@cache
def _field(mesg_num: int, name: str) -> _Field | None:
    """What the profile says of a message's field (the SDK's lookup, done once)."""
    fields = Profile["messages"][mesg_num]["fields"]
    profile = next((fp for fp in fields.values() if fp["name"] == name), None)
    if profile is None:
        return None
    base_type = FIT.FIELD_TYPE_TO_BASE_TYPE[profile["base_type"]]
    base = FIT.BASE_TYPE_DEFINITIONS[base_type]
    scale: float = FIT.FIELD_DEFAULT_SCALE
    offset: float = FIT.FIELD_DEFAULT_OFFSET
    if len(profile["components"]) <= 1:
        raw_scale, raw_offset = profile["scale"], profile["offset"]
        scale = raw_scale[0] if isinstance(raw_scale, list) and raw_scale else raw_scale if raw_scale is not None else scale
        offset = raw_offset[0] if isinstance(raw_offset, list) and raw_offset else raw_offset if raw_offset is not None else offset
    kind = profile["type"]
    category = ("number" if kind in _NUMERIC else "date" if kind in ("date_time", "local_date_time")
                else "string" if kind == "string" else "enum")
    string = base_type == _STRING
    code = base["type_code"]
    scaled = scale != FIT.FIELD_DEFAULT_SCALE or offset != FIT.FIELD_DEFAULT_OFFSET
    return _Field(name, profile["num"], base_type, 0 if string else base["size"], base["endian_flag"], category, kind,
                  scale, offset, None if string else struct.Struct("<" + code), (1 << (base["size"] * 8)) - 1,
                  base["signed"], base["invalid"], category == "number" and not scaled and code not in "fd",
                  _enum_values(kind) if category == "enum" else {},
                  (category == "enum" or (category == "number" and not scaled)) and code not in "fd" and not base["signed"])


@cache
def _shape(mesg_num: int, names: tuple[str, ...]) -> tuple[tuple[_Field, ...], frozenset[int], tuple[int, ...]]:
    """A message's fields with a value, in its order; the numbers and sizes of those of a fixed
    size (half of a definition's key); the places of its strings, whose sizes are the other half."""
    found = (_field(mesg_num, name) for name in names if name not in ("mesg_num", "developer_fields"))
    fields = tuple(f for f in found if f is not None)
    return (fields, frozenset(f.num << 8 | f.size for f in fields if f.size),
            tuple(i for i, f in enumerate(fields) if not f.size))


@cache
def _enum_values(type_name: str) -> dict[Any, int]:
    """A profile type's names to numbers (the first number of a name, as the SDK's search finds)."""
    values: dict[Any, int] = {}
    for number, value in Profile["types"].get(type_name, {}).items():
        values.setdefault(value, number)
    return values


def _value(field: _Field, value: Any) -> Any:
    """``value`` as the SDK's Encoder transforms it for ``field`` (errors as its errors)."""
    kind = field.kind
    if kind == "string":
        if not isinstance(value, str):
            raise ValueError(f'Could not convert "{value}" to "string"')
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float, str, datetime)):
        raise ValueError(f'Could not convert "{value}" to "{field.type}"')
    if kind == "number":
        if isinstance(value, str):
            value = float(value) if "." in value else int(value)
        elif isinstance(value, datetime):
            raise ValueError(f'Could not convert "{value}" to "{field.type}"')
        if field.scale != FIT.FIELD_DEFAULT_SCALE or field.offset != FIT.FIELD_DEFAULT_OFFSET:
            scaled = (value + field.offset) * field.scale
            return scaled if field.type in _FLOATS else round(scaled)
        return value
    if kind == "date":
        if isinstance(value, datetime):
            return int(value.timestamp()) - _FIT_EPOCH_S
        if not FIT.is_numeric(value):
            raise ValueError(f'Could not convert "{value}" to "{field.type}"')
        return value
    return _enum(field, value)


def _enum(field: _Field, value: Any) -> Any:
    if FIT.is_numeric(value):
        return value
    number = _enum_values(field.type).get(value)
    if number is None:
        raise ValueError(f'Value "{value}" could not be mapped to profile type "{field.type}"')
    return number


def _write(field: _Field, value: Any, out: bytearray) -> None:
    """Append ``value`` as the SDK writes it for ``field``; the usual cases first, without its checks."""
    pack = field.pack
    if pack is None:  # a string
        if not isinstance(value, str):
            raise ValueError(f'Could not convert "{value}" to "string"')
        out += value.encode("utf-8")
        out.append(0)
        return
    kind = value.__class__
    if kind is str and field.kind == "enum" and value in field.enums:
        value = field.enums[value]
    elif not (kind is int and (field.plain or field.kind == "enum")):
        value = _value(field, value)
        if value is None:
            value = field.invalid
    if pack.format in ("<f", "<d"):
        out += pack.pack(value)
        return
    value = int(value) & field.mask
    if field.signed and value >= (field.mask + 1) >> 1:
        value -= field.mask + 1
    out += pack.pack(value)


_Definition = tuple[int, frozenset[int]]


def field_offsets(data: bytes, mesg_num: int) -> list[tuple[int, int, dict[int, int]]]:
    """Each ``mesg_num`` message of a file this encoder wrote (no compressed timestamps, no
    developer fields): its first byte, the byte after it, and where each of its fields is, by number."""
    definitions: dict[int, tuple[int, list[tuple[int, int]]]] = {}
    found: list[tuple[int, int, dict[int, int]]] = []
    at, end = data[0], len(data) - 2  # after the header, before the file's CRC
    while at < end:
        header = data[at]
        if header & FIT.MESG_DEFINITION_MASK:  # reserved, architecture, global number, field count, fields
            count = data[at + 5]
            definitions[header & FIT.LOCAL_MESG_NUM_MASK] = (
                struct.unpack_from("<H", data, at + 3)[0], [(data[i], data[i + 1]) for i in range(at + 6, at + 6 + 3 * count, 3)])
            at += 6 + 3 * count
            continue
        number, fields = definitions[header & FIT.LOCAL_MESG_NUM_MASK]
        start, where = at, {}
        at += 1
        for num, size in fields:
            where[num] = at
            at += size
        if number == mesg_num:
            found.append((start, at, where))
    return found


class Encoder:
    """The subset of ``garmin_fit_sdk.Encoder`` Deload uses: ``on_mesg`` and ``close``."""

    def __init__(self) -> None:
        self._out = bytearray(_HEADER_SIZE)
        self._slots: list[tuple[_Definition, tuple[_Field, ...]] | None] = [None] * 16
        self._keys: dict[_Definition, int] = {}  # the definition of each slot in use
        self._next = 0

    def on_mesg(self, mesg_num: int, mesg: dict[str, Any]) -> Encoder:
        out = self._out
        fields, numbers, strings = _shape(mesg_num, tuple([k for k, v in mesg.items() if v is not None]))
        if not fields:
            raise ValueError("Could not write Message: No valid fields were found in the message")
        sizes: dict[int, int] = {}  # a string field's size, by its place in the message
        for index in strings:
            value = mesg[fields[index].name]
            if value.__class__ is not str:
                raise ValueError(f"Could not write Message: {fields[index].name} is not a string: {value!r}")
            size = sizes[index] = len(value.encode("utf-8")) + 1
            if size > 255:
                raise ValueError("Could not write Message: Some field sizes are greater than 255")
        # A field's number gives its base type within a message: number and size tell definitions apart.
        key = (mesg_num, numbers | frozenset([fields[i].num << 8 | size for i, size in sizes.items()]) if sizes else numbers)
        slot = self._keys.get(key)
        if slot is None:
            slot = self._next & FIT.LOCAL_MESG_NUM_MASK
            self._next += 1
            replaced = self._slots[slot]
            if replaced is not None:
                del self._keys[replaced[0]]
            self._slots[slot] = (key, fields)
            self._keys[key] = slot
            out += struct.pack("<BBBHB", FIT.MESG_DEFINITION_MASK | slot, 0, FIT.ARCH_LITTLE_ENDIAN, mesg_num, len(fields))
            for index, field in enumerate(fields):
                out += bytes((field.num, sizes.get(index, field.size), field.base_type | field.endian))
        else:
            entry = self._slots[slot]
            assert entry is not None
            fields = entry[1]
        out.append(slot)
        try:
            for field in fields:
                value = mesg.get(field.name)
                if value.__class__ is int and field.whole:  # the usual case: written as it is
                    out += field.pack.pack(value & field.mask)  # type: ignore[union-attr]
                elif value.__class__ is str and field.pack is None:
                    out += value.encode("utf-8")
                    out.append(0)
                else:
                    _write(field, value, out)
        except Exception as exc:
            raise ValueError(f"Could not write Message: {exc}") from exc
        return self

    @property
    def size(self) -> int:
        """Bytes written so far (the header's included)."""
        return len(self._out)

    def since(self, start: int) -> bytes:
        """The bytes written from ``start`` on (for :meth:`append` into another file)."""
        return bytes(self._out[start:])

    def append(self, data: bytes) -> None:
        """Messages another encoder wrote, in the same state of its definitions as this one is."""
        self._out += data

    def close(self) -> bytes:
        out = self._out
        version = Profile["version"]["major"] * 1000 + Profile["version"]["minor"]
        header = struct.pack("<BBHI4s", _HEADER_SIZE, 0x20, version, len(out) - _HEADER_SIZE, b".FIT")
        out[:12] = header
        out[12:14] = fit_crc(header).to_bytes(2, "little")
        out += fit_crc(out).to_bytes(2, "little")
        return bytes(out)

