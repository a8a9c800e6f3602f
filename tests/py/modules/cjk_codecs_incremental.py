# The CJK codecs' incremental encoders and decoders (pending input, getstate and
# setstate) and stream readers and writers, and a zip member with a shift_jis name.
import codecs, io, os, zipfile

enc = codecs.getincrementalencoder('euc_jis_2004')()
print(enc.encode('\u00e6'), enc.getstate())
print(enc.encode('\u0300'), enc.getstate())
print(enc.encode('\u00e6'), enc.encode('', True), enc.getstate())
enc = codecs.getincrementalencoder('iso2022_jp')()
print(enc.getstate(), enc.encode('\u3042'), enc.getstate(), enc.encode('z'), enc.encode('\u3042', True))
st = enc.getstate()
enc.setstate(st)
print(st, enc.encode('a'))
for bad in ['x', -1, 2 ** 200, int.from_bytes(b'\x09' + bytes(16), 'little')]:
    try:
        enc.setstate(bad)
    except Exception as e:
        print(type(e).__name__, e)
enc.errors = 'replace'
print(enc.encode('\u0100'), enc.errors)
for bad in [1, None]:
    try:
        enc.errors = bad
    except Exception as e:
        print(type(e).__name__, e)

dec = codecs.getincrementaldecoder('euc_jp')()
print(repr(dec.decode(b'\xa4')), dec.getstate(), repr(dec.decode(b'\xa6')), dec.getstate())
dec.setstate((b'\xa4', 0))
print(repr(dec.decode(b'\xa2')))
for bad in [123, ('x', 0), (b'123456789', 0), (b'1', -1)]:
    try:
        dec.setstate(bad)
    except Exception as e:
        print(type(e).__name__, e)
dec = codecs.getincrementaldecoder('iso2022_jp')()
parts = [b'\x1b$', b'B$"', b'$', b'$\x1b(', b'Bz']
print([dec.decode(p) for p in parts], dec.getstate())
dec = codecs.getincrementaldecoder('cp949')()
print(repr(dec.decode(b'\xc6\xc4\xc0')))
try:
    dec.decode(b'', True)
except UnicodeDecodeError as e:
    print(e)

data = '一行目\n二行目 ｶﾅ\n三行目\n'.encode('shift_jis')
for size in [None, 1, 2, 3, 5]:
    r = codecs.getreader('shift_jis')(io.BytesIO(data))
    print(size, [r.readline(size) for _ in range(5)])
r = codecs.getreader('shift_jis')(io.BytesIO(data))
print(r.readlines(), r.stream is not None)
r = codecs.getreader('cp949')(io.BytesIO(b'\xa1'))
try:
    r.read(2)
except UnicodeDecodeError as e:
    print(e)
out = io.BytesIO()
w = codecs.getwriter('iso2022_jp')(out)
w.write('あ')
w.writelines(['a', 'い'])
w.reset()
print(out.getvalue())
out = io.BytesIO()
w = codecs.getwriter('gb18030')(out)
w.write('123\U00012345\uac00')
print(out.getvalue())

# a zip member whose name is shift_jis bytes (no UTF-8 flag), as old Japanese tools wrote
name = 'ファイル.txt'
sjis = name.encode('shift_jis')
placeholder = 'X' * (len(sjis) - 4) + '.txt'
buf = io.BytesIO()
with zipfile.ZipFile(buf, 'w') as z:
    z.writestr(placeholder, b'data')
raw = buf.getvalue().replace(placeholder.encode('ascii'), sjis)
with zipfile.ZipFile(io.BytesIO(raw), metadata_encoding='shift_jis') as z:
    print(z.namelist(), z.read(name))
with zipfile.ZipFile(io.BytesIO(raw)) as z:
    print(z.namelist())

# TextIOWrapper's tell()/seek() go through the decoder's getstate()/setstate()
for enc in ['euc_jis_2004', 'iso2022_jp', 'gb18030', 'hz']:
    raw = io.BytesIO('一行目 a\nか\u309aæ\u0300 二行目\n終わり\n'.encode(enc, 'replace'))
    t = io.TextIOWrapper(raw, encoding=enc, errors='replace')
    first = t.readline()
    pos = t.tell()
    rest = t.read()
    t.seek(pos)
    print(enc, repr(first), repr(rest), t.read() == rest, pos)
import tempfile
with tempfile.TemporaryDirectory() as d:
    name = os.path.join(d, 'cp932.txt')
    with open(name, 'w', encoding='cp932') as f:
        f.write('①②③\nｶﾀｶﾅ\n')
    with codecs.open(name, encoding='cp932') as f:
        print(f.readlines())
    with open(name, encoding='cp932', newline='') as f:
        print(repr(f.read()))
