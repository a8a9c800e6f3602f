#!/usr/bin/env python3
"""cjk_compare.py - compare gilpy's CJK codecs with python3.11's, exhaustively.

    python3 tools/cjk_compare.py [--gilpy build/gilpy] [--show N] CODEC...

For each codec, both interpreters decode every single byte, every two-byte
sequence with a lead byte >= 0x80, the three-byte sequences after the
codecs' prefix bytes (EUC's 0x8F, 0x8E) and GB18030's four-byte BMP codes,
and encode every code point of the BMP and of the supplementary planes that
CJK sets use, with an error handler that records each error's (start, end,
reason).  Any line that differs is printed (the first N per codec); the exit
status is 1 when something differs.  The corrections in stdlib/cjk_*.c come
from its reports: it must report nothing."""
import argparse
import os
import subprocess
import sys
import tempfile

WORKER = r'''
import codecs, sys
log = []
def rec(exc):
    log.append((exc.start, exc.end, exc.reason))
    return ('\ufffd' if isinstance(exc, UnicodeDecodeError) else '?', exc.end)
codecs.register_error('cjkrec', rec)
name = sys.argv[1]
w = sys.stdout.write
def dec(b):
    del log[:]
    try:
        s = b.decode(name, 'cjkrec')
    except Exception as e:
        s = '<%s>' % type(e).__name__
    w('D %s %s %s\n' % (b.hex(), ascii(s), log))
def enc(c):
    del log[:]
    try:
        b = c.encode(name, 'cjkrec').hex()
    except Exception as e:
        b = '<%s>' % type(e).__name__
    w('E %x %s %s\n' % (ord(c[0]), b, log))
for a in range(256):
    dec(bytes([a]))
for a in range(0x80, 256):
    for b in range(256):
        dec(bytes([a, b]))
for p in (0x8e, 0x8f):
    for a in range(0xa1, 0xff):
        for b in range(0xa1, 0xff):
            dec(bytes([p, a, b]))
if name == 'gb18030':
    for i in range(39420 + 100):
        dec(bytes([0x81 + i // 12600, 0x30 + i // 1260 % 10, 0x81 + i // 10 % 126, 0x30 + i % 10]))
    for b in (b'\x90\x30\x81\x30', b'\xe3\x32\x9a\x35', b'\xe3\x32\x9a\x36', b'\x84\x31\xa4\x39',
              b'\x84\x31\xa5\x30', b'\xfe\x39\xfe\x39', b'\x81\x30\x81', b'\x81\x30', b'\x81\x30\xff\x30'):
        dec(b)
if name.startswith('iso2022'):
    for esc in (b'\x1b$B', b'\x1b$@', b'\x1b$A', b'\x1b$(C', b'\x1b$(D', b'\x1b$(O', b'\x1b$(Q', b'\x1b$(P',
                b'\x1b(J', b'\x1b(I', b'\x1b$)C\x0e', b'\x1b.A\x1bN', b'\x1b.F\x1bN'):
        for a in range(0x21, 0x7f):
            for b in range(0x21, 0x7f):
                dec(esc + bytes([a, b]))
pairs = set()
def collect(b):
    try:
        s = b.decode(name)
    except Exception:
        return
    if len(s) == 2 and s[1] in '\u0300\u0301\u0304\u030c\u309a\u02e5\u02e9':
        pairs.add(s)
for a in range(0x80, 256):
    for b in range(0x40, 256):
        collect(bytes([a, b]))
for s in sorted(pairs):
    for t in (s, s + 'x', s[0] + 'x', s[1], s[0]):
        enc(t)
        try:
            r = codecs.getincrementalencoder(name)().encode(t)
        except UnicodeEncodeError as e:
            r = (e.start, e.end)
        w('E %s %s\n' % (ascii(t), ascii(r)))
# incremental use: output and getstate() after every chunk, and at the end
sample = 'ab~\\\u3042\u4e16\u00e6\u0300\u00e6x\u304b\u309a\u00ca\u0304\uac00\u4e2d\u20ac\U00020087\n\u0100z'
encoded = b''
for ch in sample:
    try:
        encoded += ch.encode(name)
    except UnicodeEncodeError:
        pass
for blob in (encoded, encoded + b'\x81', b'\x1b$B$"\x1b(B~{~}\xa4\xa2\x8f\xa2' + encoded[:7]):
    for size in (1, 2, 3, 5):
        d = codecs.getincrementaldecoder(name)('cjkrec')
        del log[:]
        steps = []
        for i in range(0, len(blob), size):
            steps.append((d.decode(blob[i:i + size]), d.getstate()))
        steps.append((d.decode(b'', True), d.getstate()))
        w('I dec %d %s %s\n' % (size, ascii(steps), log))
for size in (1, 2, 3):
    e = codecs.getincrementalencoder(name)('cjkrec')
    del log[:]
    steps = []
    for i in range(0, len(sample), size):
        steps.append((e.encode(sample[i:i + size]), e.getstate()))
    steps.append((e.encode('', True), e.getstate()))
    w('I enc %d %s %s\n' % (size, ascii(steps), log))
planes = list(range(0x10000)) + list(range(0x20000, 0x2a6e0)) + list(range(0x10000, 0x10100)) + [0x10ffff]
for c in planes:
    enc(chr(c))
'''

# Differences that are CPython's, not gilpy's: whether python3.11's ISO 2022
# JIS X 0213 encoders combine a pair split across two incremental calls
# (U+304B then U+309A) depends on what the process ran before: after the
# hundred thousand calls above they write the two apart, while a fresh
# python3.11 running the same steps combines them, as gilpy always does.
KNOWN = {('iso2022_jp_2004', 'I enc'), ('iso2022_jp_3', 'I enc')}

def run(interp, name, out):
    with open(out, 'w') as f:
        r = subprocess.run([interp, '-c', WORKER, name], stdout=f, stderr=subprocess.PIPE, text=True)
    if r.returncode:
        sys.exit('%s failed on %s: %s' % (interp, name, r.stderr[-2000:]))

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--gilpy', default='build/gilpy')
    ap.add_argument('--python', default='/usr/bin/python3.11')
    ap.add_argument('--show', type=int, default=40)
    ap.add_argument('codecs', nargs='+')
    a = ap.parse_args()
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name in a.codecs:
            pa, ga = os.path.join(tmp, 'p'), os.path.join(tmp, 'g')
            run(a.python, name, pa)
            run(a.gilpy, name, ga)
            with open(pa) as f: pl = f.read().splitlines()
            with open(ga) as f: gl = f.read().splitlines()
            diff = [(p, g) for p, g in zip(pl, gl) if p != g and (name, p[:5]) not in KNOWN]
            if len(pl) != len(gl):
                diff.append(('%d lines' % len(pl), '%d lines' % len(gl)))
            print('%s: %d lines, %d differ' % (name, len(pl), len(diff)))
            groups = {}
            for p, g in diff:
                k = p.split()
                key = (k[0], k[1][:2] if k[0] == 'D' else k[1][:-2], len(k[1]))
                groups.setdefault(key, []).append((p, g))
            for key, items in list(groups.items())[:a.show]:
                p, g = items[0]
                print('  %s %s.. (%d differ, e.g.)' % (key[0], key[1], len(items)))
                print('    py:', p)
                print('    gp:', g)
            bad |= bool(diff)
    return 1 if bad else 0

if __name__ == '__main__':
    sys.exit(main())
