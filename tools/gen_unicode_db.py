#!/usr/bin/env python3
"""Generate unicode_db_data.h: the Unicode Character Database of runtime/unicode_db.c.

    gen_unicode_db.py --ucd /usr/share/unicode --max-age 14.0 --output FILE.h
    gen_unicode_db.py --ucd /usr/share/unicode --max-age 14.0 --dump FILE.txt

Reads the Unicode Character Database of Debian's `unicode-data` package
(UnicodeData.txt, DerivedAge.txt, EastAsianWidth.txt, DerivedNormalizationProps.txt,
NamedSequences.txt, SpecialCasing.txt, CaseFolding.txt, NormalizationCorrections.txt, and the numeric values of
CJK ideographs in Unihan_NumericValues.txt.bz2) and keeps the characters of Unicode --max-age (CPython 3.11
knows 14.0): a character assigned later is unassigned here, as it is in python3.11.
runtime/unicode_db.c includes the result (the unicodedata module and str's
character classes use it).  --dump writes the properties of
every code point as text instead, in the layout of a dump made with python3's own
unicodedata, to compare the two.

The tables (all static const):
  - udb_records: the distinct combinations of category, combining class,
    bidirectional class, East Asian width, mirrored, decimal, digit and numeric
    value (an index into udb_numeric); record 0 is CPython's for an unassigned
    code point (Cn, bidirectional '', width 'F').
  - udb_record_index1/2: the record of each code point, in two stages: the
    block of cp >> UDB_SHIFT, then the entry cp & UDB_MASK of that block
    (identical blocks are stored once).
  - udb_decomp_index1/2, the same for the decomposition: an offset into
    udb_decomp_data, where a decomposition is (tag << 8 | count) and its code
    points; offset 0 means none.
  - udb_compositions: (first, second, composite) of every canonical pair that
    NFC composes (no Full_Composition_Exclusion), sorted for binary search.
  - udb_named_seqs: the named sequences lookup() knows besides character names.
  - udb_assigned_3_2: the ranges of code points Unicode 3.2 had assigned, and
    udb_norm_3_2: the decompositions corrected since 3.2 (NormalizationCorrections.txt,
    3.2's erroneous value), for unicodedata.ucd_3_2_0 (IDNA).
  - case mappings: each record holds the simple upper, lower and title
    mappings as differences from the code point (title defaults to upper, as
    in CPython) and whether udb_special_cases has the character; that table lists, sorted by code point, the characters
    whose full mappings (SpecialCasing.txt without conditions) or case folding
    (CaseFolding.txt C and F; a character it does not list folds to itself)
    differ from that, with up to 3 code points each.
"""
import argparse
import bz2
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_unicode_names import parse_age  # noqa: E402

SHIFT = 7
CATEGORIES = ['Cn', 'Lu', 'Ll', 'Lt', 'Mn', 'Mc', 'Me', 'Nd', 'Nl', 'No', 'Zs', 'Zl', 'Zp', 'Cc', 'Cf',
              'Cs', 'Co', 'Cn', 'Lm', 'Lo', 'Pc', 'Pd', 'Ps', 'Pe', 'Pi', 'Pf', 'Po', 'Sm', 'Sc', 'Sk', 'So']
CATEGORIES = list(dict.fromkeys(CATEGORIES))
BIDI = ['', 'L', 'LRE', 'LRO', 'R', 'AL', 'RLE', 'RLO', 'PDF', 'EN', 'ES', 'ET', 'AN', 'CS', 'NSM', 'BN',
        'B', 'S', 'WS', 'ON', 'LRI', 'RLI', 'FSI', 'PDI']
WIDTHS = ['F', 'H', 'W', 'Na', 'A', 'N']
TAGS = ['', '<font>', '<noBreak>', '<initial>', '<medial>', '<final>', '<isolated>', '<circle>',
        '<super>', '<sub>', '<vertical>', '<wide>', '<narrow>', '<small>', '<square>', '<fraction>',
        '<compat>']


def ucd_lines(path):
    for line in open(path, encoding='utf-8'):
        line = line.split('#')[0].strip()
        if line:
            yield [f.strip() for f in line.split(';')]


def cp_range(field):
    lo, _, hi = field.partition('..')
    return range(int(lo, 16), int(hi or lo, 16) + 1)


def parse_unicode_data(path, assigned):
    """{cp: fields} for the assigned characters, the First/Last ranges expanded."""
    table, first = {}, None
    for line in open(path, encoding='utf-8'):
        f = line.rstrip('\n').split(';')
        cp = int(f[0], 16)
        if f[1].endswith(', First>'):
            first = cp
            continue
        cps = range(first, cp + 1) if f[1].endswith(', Last>') else [cp]
        for c in cps:
            if c in assigned:
                table[c] = f
    return table


def numeric_value(text):
    if not text:
        return None
    num, _, den = text.partition('/')
    return int(num), int(den or 1)


def build(ucd, max_age):
    assigned = parse_age(os.path.join(ucd, 'DerivedAge.txt'), max_age)
    data = parse_unicode_data(os.path.join(ucd, 'UnicodeData.txt'), assigned)
    widths = {}
    for f in ucd_lines(os.path.join(ucd, 'EastAsianWidth.txt')):
        for c in cp_range(f[0]):
            widths[c] = f[1]
    excluded = set()
    for f in ucd_lines(os.path.join(ucd, 'DerivedNormalizationProps.txt')):
        if f[1] == 'Full_Composition_Exclusion':
            excluded.update(cp_range(f[0]))
    unihan = {}
    with bz2.open(os.path.join(ucd, 'Unihan_NumericValues.txt.bz2'), 'rt', encoding='utf-8') as f:
        for line in f:
            if line.startswith('U+'):
                cp, _kind, value = line.split('\t')
                unihan[int(cp[2:], 16)] = value.strip()
    props, decomps, cases = {}, {}, {}
    for cp, f in data.items():
        props[cp] = (f[2], int(f[3]), f[4], widths.get(cp, 'N'), int(f[9] == 'Y'),
                     int(f[6]) if f[6] else None, int(f[7]) if f[7] else None,
                     numeric_value(f[8] or unihan.get(cp, '')))
        upper = int(f[12], 16) if f[12] else cp
        lower = int(f[13], 16) if f[13] else cp
        title = int(f[14], 16) if f[14].strip() else upper
        cases[cp] = (upper - cp, lower - cp, title - cp)
        if f[5]:
            parts = f[5].split()
            tag = parts.pop(0) if parts[0].startswith('<') else ''
            decomps[cp] = (tag, [int(p, 16) for p in parts])
    compositions = sorted((d[0], d[1], cp) for cp, (tag, d) in decomps.items()
                          if not tag and len(d) == 2 and cp not in excluded)
    sequences = []              # (Unicode 15.0 added none: 14.0's are those of assigned characters)
    for f in ucd_lines(os.path.join(ucd, 'NamedSequences.txt')):
        cps = [int(x, 16) for x in f[1].split()]
        if all(c in assigned for c in cps):
            sequences.append((f[0], cps))
    special = {}
    for f in ucd_lines(os.path.join(ucd, 'SpecialCasing.txt')):
        cp = int(f[0], 16)
        if len(f) > 4 and f[4] or cp not in assigned:      # conditional mappings are code's
            continue
        special[cp] = [[int(x, 16) for x in f[i].split()] for i in (1, 2, 3)]
    folding = {}
    for f in ucd_lines(os.path.join(ucd, 'CaseFolding.txt')):
        if f[1] in ('C', 'F') and int(f[0], 16) in assigned:
            folding[int(f[0], 16)] = [int(x, 16) for x in f[2].split()]
    full = []
    for cp in sorted(set(special) | set(folding) | {c for c, d in cases.items() if d[1]}):
        up, lo, ti = (cp + d for d in cases.get(cp, (0, 0, 0)))
        lower, title, upper = special.get(cp, ([lo], [ti], [up]))
        fold = folding.get(cp, [cp])             # not in CaseFolding.txt: folds to itself
        if (lower, title, upper, fold) != ([lo], [ti], [up], [lo]):
            full.append((cp, lower, title, upper, fold))
    return props, decomps, compositions, sorted(sequences), cases, full


def build_3_2(ucd):
    """The ranges assigned by Unicode 3.2 (merged) and {cp: 3.2's decomposition}
    for the decompositions corrected after 3.2."""
    cps = sorted(parse_age(os.path.join(ucd, 'DerivedAge.txt'), (3, 2)))
    ranges = []
    for c in cps:
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1][1] = c
        else:
            ranges.append([c, c])
    corrections = {}
    for f in ucd_lines(os.path.join(ucd, 'NormalizationCorrections.txt')):
        if tuple(map(int, f[3].split('.'))) > (3, 2, 0):
            corrections[int(f[0], 16)] = int(f[1], 16)
    return ranges, corrections


def dump(props, decomps, path):
    with open(path, 'w') as out:
        for cp in range(0x110000):
            p = props.get(cp)
            if p is None:
                out.write('%X;Cn;0;;F;0;;;;\n' % cp)
                continue
            cat, ccc, bidi, eaw, mirrored, dec, dig, num = p
            tag, d = decomps.get(cp, ('', []))
            deco = ' '.join(([tag] if tag else []) + ['%04X' % c for c in d])
            numtext = '' if num is None else repr(num[0] / num[1])
            out.write('%X;%s;%d;%s;%s;%d;%s;%s;%s;%s\n' % (cp, cat, ccc, bidi, eaw, mirrored, deco,
                      '' if dec is None else dec, '' if dig is None else dig, numtext))


def two_stage(values, default):
    """index1 (block numbers) and index2 (the distinct blocks, concatenated)."""
    size = 1 << SHIFT
    blocks, index1, index2 = {}, [], []
    for start in range(0, 0x110000, size):
        block = tuple(values.get(c, default) for c in range(start, start + size))
        if block not in blocks:
            blocks[block] = len(blocks)
            index2.extend(block)
        index1.append(blocks[block])
    return index1, index2


def c_array(out, ctype, name, items, per_line=16):
    out.append('static const %s %s[%d] = {' % (ctype, name, len(items)))
    for i in range(0, len(items), per_line):
        out.append('    ' + ', '.join(str(x) for x in items[i:i + per_line]) + ',')
    out.append('};')


def c_string(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'


def generate(ucd, props, decomps, compositions, sequences, cases, full, max_age, path):
    numerics = [None]
    records = {(0, 0, 0, 0, 0, -1, -1, 0, 0, 0, 0, 0): 0}
    special = {f[0] for f in full}
    record_of = {}
    for cp, (cat, ccc, bidi, eaw, mirrored, dec, dig, num) in sorted(props.items()):
        if num is not None and num not in numerics:
            numerics.append(num)
        key = (CATEGORIES.index(cat), ccc, BIDI.index(bidi), WIDTHS.index(eaw), mirrored,
               -1 if dec is None else dec, -1 if dig is None else dig, 0 if num is None else numerics.index(num),
               *cases[cp], int(cp in special))
        record_of[cp] = records.setdefault(key, len(records))
    decomp_data, decomp_of = [0], {}
    for cp, (tag, d) in sorted(decomps.items()):
        decomp_of[cp] = len(decomp_data)
        decomp_data.append(TAGS.index(tag) << 8 | len(d))
        decomp_data.extend(d)
    if len(records) > 0xFFFF or len(decomp_data) > 0xFFFF:
        sys.exit('gen_unicode_db.py: a table outgrew its 16-bit index')
    out = ['/* Generated by tools/gen_unicode_db.py from the Unicode Character Database: do not edit. */',
           '#define UDB_VERSION "%d.%d.0"' % max_age, '#define UDB_SHIFT %d' % SHIFT,
           '#define UDB_MASK %d' % ((1 << SHIFT) - 1), '',
           'typedef struct UdbRecord {',
           '    uint8_t category, combining, bidirectional, east_asian_width, mirrored;',
           '    int8_t decimal, digit;     /* -1: none */',
           '    uint16_t numeric;          /* index into udb_numeric, 0: none */',
           '    int32_t upper, lower, title;   /* simple case mappings: cp + these */',
           '    uint8_t special_case;      /* listed in udb_special_cases */',
           '} UdbRecord;', '',
           'static const char *const udb_category_names[] = {%s};' % ', '.join(map(c_string, CATEGORIES)),
           'static const char *const udb_bidi_names[] = {%s};' % ', '.join(map(c_string, BIDI)),
           'static const char *const udb_width_names[] = {%s};' % ', '.join(map(c_string, WIDTHS)),
           'static const char *const udb_decomp_tags[] = {%s};' % ', '.join(map(c_string, TAGS)), '',
           'static const UdbRecord udb_records[%d] = {' % len(records)]
    for key in sorted(records, key=records.get):
        out.append('    {%d, %d, %d, %d, %d, %d, %d, %d, %d, %d, %d, %d},' % key)
    out.append('};')
    out.append('static const int64_t udb_numeric[%d][2] = {' % len(numerics))
    out.append('    {0, 1},')
    for num, den in numerics[1:]:
        out.append('    {%dLL, %dLL},' % (num, den))
    out.append('};')
    for name, values in (('record', record_of), ('decomp', decomp_of)):
        index1, index2 = two_stage(values, 0)
        c_array(out, 'uint16_t', 'udb_%s_index1' % name, index1)
        c_array(out, 'uint16_t', 'udb_%s_index2' % name, index2)
    c_array(out, 'uint32_t', 'udb_decomp_data', decomp_data)
    out.append('static const uint32_t udb_compositions[%d][3] = {' % len(compositions))
    out.extend('    {0x%X, 0x%X, 0x%X},' % c for c in compositions)
    out.append('};')
    out.append('typedef struct UdbNamedSeq { const char *name; uint8_t n; uint32_t cps[4]; } UdbNamedSeq;')
    out.append('static const UdbNamedSeq udb_named_seqs[%d] = {' % len(sequences))
    for name, cps in sequences:
        if len(cps) > 4:
            sys.exit('gen_unicode_db.py: a named sequence longer than 4')
        out.append('    {%s, %d, {%s}},' % (c_string(name), len(cps), ', '.join('0x%X' % c for c in cps)))
    out.append('};')
    out.append('typedef struct UdbSpecialCase { uint32_t cp; uint8_t n[4]; uint32_t map[4][3]; } UdbSpecialCase;')
    out.append('static const UdbSpecialCase udb_special_cases[%d] = {  /* lower, title, upper, fold */' % len(full))
    for cp, *maps in full:
        if max(map(len, maps)) > 3:
            sys.exit('gen_unicode_db.py: a full case mapping longer than 3')
        out.append('    {0x%X, {%s}, {%s}},' % (cp, ', '.join(str(len(m)) for m in maps),
                   ', '.join('{%s}' % ', '.join('0x%X' % c for c in m) for m in maps)))
    out.append('};')
    ranges, corrections = build_3_2(ucd)
    out.append('static const uint32_t udb_assigned_3_2[%d][2] = {' % len(ranges))
    out.extend('    {0x%X, 0x%X},' % tuple(r) for r in ranges)
    out.append('};')
    out.append('static const uint32_t udb_norm_3_2[%d][2] = {' % len(corrections))
    out.extend('    {0x%X, 0x%X},' % c for c in sorted(corrections.items()))
    out.append('};')
    with open(path, 'w') as f:
        f.write('\n'.join(out) + '\n')


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--ucd', required=True)
    ap.add_argument('--max-age', required=True)
    ap.add_argument('--output')
    ap.add_argument('--dump')
    a = ap.parse_args()
    max_age = tuple(map(int, a.max_age.split('.')))
    props, decomps, compositions, sequences, cases, full = build(a.ucd, max_age)
    if a.dump:
        dump(props, decomps, a.dump)
    if a.output:
        generate(a.ucd, props, decomps, compositions, sequences, cases, full, max_age, a.output)


if __name__ == '__main__':
    main()
