# SyntaxError offsets count characters (str sources, declared encodings,
# tokenizer errors); the parser's own errors in bytes that declare no encoding
# count bytes, as CPython's.  Tokenizer errors end where they start and carry
# their line without the newline.  Then the caret lines CPython prints.
import os
import subprocess
import sys
import tempfile

srcs = [
    'α = 0xI', 'x = 0xI', '(0x+1)', '0010 + 2', 'x = 09', 'x = 0_7', 'x = 32e-+4', 'x = 0o9', 'x = 0b2', 'x = 1_', 'x = 1e',
    'x = 1abc', 'x = 0x', 'import ä £', 'x = €', 'x = ä€', 'ää = £', '\xa0x = 1', 'x = "abc', 'x = """abc',
    'x = )', 'x = (]', 'x = (1]', '(' * 201,
    'Python = "Ṕýţĥòñ" +', 'ä = 1 +', 'ää(1 2)', 'x = "ä" $', 'ää = ((1)', 'a = ää.(', 'print("ää" ää)',
    'x = "ää" 1', 'f"{ä!}"', 'if x:\n  a\n b', 'if x:\n\ta\n        b', 'x = 1 \\ 2', 'x = 1 \\', 'x = 1\n  y = 2',
    b'x = 1 +',
    b'\xce\xb1 = 0xI', b'a = "\xc3\xa4\xc3\xa4" 1 +', b'a = "\xc3\xa4\xc3\xa4" $',
    b'# -*- coding: cp1251 -*-\nPython = "\xcf\xb3\xf2\xee\xed" +',
    b'# -*- coding: iso8859-7 -*-\n\xe1 = 0xI', b'# coding: latin-1\na = "\xe4\xe4" 1 +',
    b'\xef\xbb\xbfa = "\xc3\xa4\xc3\xa4" 1 +', b'# coding: nosuch\nx = 1',
]
for s in srcs:
    try:
        compile(s, '<s>', 'exec')
        r = 'ok'
    except SyntaxError as e:
        r = (type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, e.text)
    print(repr(s)[:50], r)

bad_files = [
    'a = "ää" 1 +\n', 'x = "ää" $ 1\n', 'ää = ((1)\n', 'if x:\n    y = 1\n  \\\n  foo = 1\n',
    'def f(a, (b, c)):\n    pass\n', '{1: *12+1, 2: 3}\n', 'try:\n  pass\nexcept A, B:\n  pass\n',
    'x = "\\N{nope}"\n', 'ä = 0xfg\n',
]
with tempfile.TemporaryDirectory() as d:
    for i, text in enumerate(bad_files):
        path = os.path.join(d, 'bad%d.py' % i)
        with open(path, 'w', encoding='utf-8') as f:
            f.write(text)
        p = subprocess.run([sys.executable, path], capture_output=True, text=True)
        print('-- exit', p.returncode)
        print(p.stderr.replace(d, 'DIR'), end='')
