#!/usr/bin/env python3
"""Generate unicode_names_data.h: the Unicode character names for \\N{...}.

    gen_unicode_names.py --ucd /usr/share/unicode --max-age 14.0 --output FILE.h

Reads the Unicode Character Database that Debian's `unicode-data` package
installs (UnicodeData.txt, NameAliases.txt, DerivedAge.txt, Jamo.txt) and keeps
the characters assigned by Unicode --max-age: CPython 3.11 knows Unicode 14.0,
so a newer database still gives exactly its names.  runtime/unicode_names.c
includes the result; its top comment explains the lookup.

The encoding (all tables static const, no relocations):
  - words: every name is split at spaces and hyphens; the distinct words, most
    frequent first, are NUL-terminated in uname_words.  Token ids 0 and 1 are
    markers (UNAME_HYPHEN: the next word follows a hyphen, not a space;
    UNAME_SELFHEX: the word is the code point in hex, as in CJK COMPATIBILITY
    IDEOGRAPH-F900); word i of uname_words is token UNAME_FIRST_WORD + i.
  - entries: one per name (character names and aliases), sorted by name, in
    blocks of UNAME_BLOCK; uname_blocks has the offset of each block.  An entry
    is its value v = code point * 2 + (1 for an alias), then a count byte, then
    its tokens.  The first entry of a block holds v in 3 bytes and all its
    tokens; the others hold v - previous v as a zigzag varint, and only the
    tokens after the ones they share with the previous entry (front coding of
    the sorted names).  The count byte is shared << 4 | new for counts under
    15 and 16, else 0xFF followed by both.  A token < 0x80 is one byte, others
    two: 0x80 | id >> 8, id & 0xFF.
  - ranges of the algorithmic CJK UNIFIED IDEOGRAPH-XXXX names, and the jamo
    short names that make HANGUL SYLLABLE names.
"""
import argparse
import collections
import os
import re
import sys

BLOCK = 16
HYPHEN, SELFHEX, FIRST_WORD = 0, 1, 2

# NameAliases.txt does not say when an alias appeared; these are the aliases that
# Unicode 15.0 added to characters that are older, left out for an older --max-age.
ALIASES_ADDED = {
    (15, 0): {'EM', 'ARABIC SMALL HIGH LIGATURE ALEF WITH YEH BARREE', 'SUNDANESE LETTER ARCHAIC I'},
}


def parse_age(path, max_age):
    assigned = set()
    for line in open(path, encoding='utf-8'):
        line = line.split('#')[0].strip()
        if not line:
            continue
        rng, ver = (x.strip() for x in line.split(';'))
        if tuple(map(int, ver.split('.'))) > max_age:
            continue
        lo, _, hi = rng.partition('..')
        assigned.update(range(int(lo, 16), int(hi or lo, 16) + 1))
    return assigned


def parse_names(path, assigned):
    names, cjk, first = {}, [], None
    for line in open(path, encoding='utf-8'):
        f = line.split(';')
        cp, name = int(f[0], 16), f[1]
        if name.startswith('<'):
            if name.startswith('<CJK Ideograph') and name.endswith('First>'):
                first = cp
            elif name.startswith('<CJK Ideograph') and name.endswith('Last>'):
                cjk.extend(c for c in range(first, cp + 1) if c in assigned)
            continue
        if cp in assigned:
            names[name] = cp
    return names, ranges_of(cjk)


def ranges_of(cps):
    out = []
    for c in sorted(cps):
        if out and out[-1][1] == c - 1:
            out[-1][1] = c
        else:
            out.append([c, c])
    return out


def parse_aliases(path, assigned, max_age):
    later = set().union(*(names for age, names in ALIASES_ADDED.items() if age > max_age))
    aliases = {}
    for line in open(path, encoding='utf-8'):
        line = line.split('#')[0].strip()
        if not line:
            continue
        cp, alias, _kind = line.split(';')
        if int(cp, 16) in assigned and alias not in later:
            aliases[alias] = int(cp, 16)
    return aliases


def parse_jamo(path):
    short = {}
    for line in open(path, encoding='utf-8'):
        line = line.split('#')[0].strip()
        if line:
            cp, name = (x.strip() for x in line.split(';'))
            short[int(cp, 16)] = name
    lead = [short[c] for c in range(0x1100, 0x1113)]
    vowel = [short[c] for c in range(0x1161, 0x1176)]
    trail = [''] + [short[c] for c in range(0x11A8, 0x11C3)]
    if max(len(j) for j in lead + vowel + trail) > 3:
        sys.exit('gen_unicode_names.py: a jamo short name longer than 3 letters')
    return lead, vowel, trail


def split_name(name, cp):
    """[(separator, word)]: the separator before the word (None for the first)."""
    parts = re.split('([ -])', name)
    out = [(None, parts[0])]
    for i in range(1, len(parts), 2):
        out.append((parts[i], parts[i + 1]))
    return [(sep, SELFHEX if w == '%04X' % cp else w) for sep, w in out]


def tokens_of(name, cp, ids):
    out = []
    for sep, w in split_name(name, cp):
        if sep == '-':
            out.append(HYPHEN)
        out.append(w if w == SELFHEX else ids[w])
    return out


def varint(v):
    z = -2 * v - 1 if v < 0 else 2 * v          # zigzag: small magnitudes, small codes
    out = bytearray()
    while z >= 0x80:
        out.append(0x80 | (z & 0x7F))
        z >>= 7
    return out + bytes([z])


def encode(entries):
    counts = collections.Counter(w for name, cp, _ in entries for _, w in split_name(name, cp)
                                 if w != SELFHEX)
    words = [w for w, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    ids = {w: i + FIRST_WORD for i, w in enumerate(words)}
    if len(words) + FIRST_WORD >= 0x8000:
        sys.exit('gen_unicode_names.py: too many distinct words')
    data, blocks, prev, prev_v = bytearray(), [], [], 0
    for n, (name, cp, alias) in enumerate(entries):
        tokens, v = tokens_of(name, cp, ids), cp * 2 + alias
        if n % BLOCK == 0:
            blocks.append(len(data))
            data += bytes([v >> 16, (v >> 8) & 0xFF, v & 0xFF])
            shared = 0
        else:
            data += varint(v - prev_v)
            shared = 0
            while shared < min(len(tokens), len(prev)) and tokens[shared] == prev[shared]:
                shared += 1
        new = len(tokens) - shared
        data += bytes([shared << 4 | new]) if shared < 15 and new < 16 else bytes([0xFF, shared, new])
        for t in tokens[shared:]:
            data += bytes([t]) if t < 0x80 else bytes([0x80 | t >> 8, t & 0xFF])
        prev, prev_v = tokens, v
    return words, data, blocks


def c_array(ctype, name, values, per_line=16):
    lines = [f'static const {ctype} {name}[{len(values)}] = {{']
    for i in range(0, len(values), per_line):
        lines.append('    ' + ','.join(str(v) for v in values[i:i + per_line]) + ',')
    lines.append('};')
    return '\n'.join(lines)


def c_strings(name, strings):
    body = ', '.join('"%s"' % s for s in strings)
    return f'static const char {name}[{len(strings)}][4] = {{{body}}};'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--ucd', required=True, help='directory of UnicodeData.txt and friends')
    ap.add_argument('--max-age', required=True, help='the Unicode version whose names to keep')
    ap.add_argument('--output', required=True)
    a = ap.parse_args()
    max_age = tuple(map(int, a.max_age.split('.')))
    assigned = parse_age(os.path.join(a.ucd, 'DerivedAge.txt'), max_age)
    names, cjk = parse_names(os.path.join(a.ucd, 'UnicodeData.txt'), assigned)
    aliases = parse_aliases(os.path.join(a.ucd, 'NameAliases.txt'), assigned, max_age)
    lead, vowel, trail = parse_jamo(os.path.join(a.ucd, 'Jamo.txt'))
    entries = sorted([(n, cp, False) for n, cp in names.items()] +
                     [(n, cp, True) for n, cp in aliases.items() if n not in names])
    words, data, blocks = encode(entries)
    ids = {w: i + FIRST_WORD for i, w in enumerate(words)}
    text = b''.join(w.encode('ascii') + b'\0' for w in words)
    out = [
        '/* unicode_names_data.h - generated by tools/gen_unicode_names.py from the Unicode',
        f' * Character Database in {a.ucd}, names of Unicode {a.max_age}: do not edit. */',
        f'#define UNAME_BLOCK {BLOCK}',
        f'#define UNAME_HYPHEN {HYPHEN}',
        f'#define UNAME_SELFHEX {SELFHEX}',
        f'#define UNAME_FIRST_WORD {FIRST_WORD}',
        f'#define UNAME_NENTRIES {len(entries)}',
        f'#define UNAME_NWORDS {len(words)}',
        f'#define UNAME_MAXLEN {max(len(n) for n, _, _ in entries)}',
        f'#define UNAME_MAXTOKENS {max(len(tokens_of(n, cp, ids)) for n, cp, _ in entries)}',
        c_array('char', 'uname_words', list(text), 32),
        c_array('uint8_t', 'uname_entries', list(data), 32),
        c_array('uint32_t', 'uname_blocks', blocks),
        c_array('uint32_t', 'uname_cjk_ranges', [v for r in cjk for v in r]),
        c_strings('uname_jamo_lead', lead),
        c_strings('uname_jamo_vowel', vowel),
        c_strings('uname_jamo_trail', trail),
        '',
    ]
    with open(a.output, 'w', encoding='ascii') as f:
        f.write('\n'.join(out))


if __name__ == '__main__':
    main()
