# The library modules that stand on _io: logging, tempfile, pathlib, tokenize, shlex,
# configparser, each reading and writing through the layered streams.
import io, logging, tempfile, tokenize, shlex, configparser, pathlib, os, sys
logging.basicConfig(stream=sys.stdout, format='%(levelname)s:%(name)s:%(message)s')
logging.warning('warned %d', 3)
log = logging.getLogger('x')
h = logging.StreamHandler(io.StringIO())
log.addHandler(h)
log.error('to a StringIO')
print(repr(h.stream.getvalue()))
with tempfile.TemporaryFile() as f:
    f.write(b'temp data')
    f.seek(0)
    print(f.read(), type(f).__name__)
with tempfile.NamedTemporaryFile('w+', suffix='.txt') as f:
    f.write('named')
    f.flush()
    print(open(f.name).read(), f.name.endswith('.txt'))
with tempfile.TemporaryDirectory() as d:
    p = pathlib.Path(d) / 'a.txt'
    p.write_text('pathlib text\n')
    print(p.read_text(), p.read_bytes(), [x.name for x in pathlib.Path(d).iterdir()])
    with p.open('a') as f:
        f.write('more\n')
    print(p.read_text().splitlines())
src = b'def f(x):\n    return x + 1  # c\n'
toks = list(tokenize.tokenize(io.BytesIO(src).readline))
print([tokenize.tok_name[t.type] for t in toks][:8], toks[1].string)
print(tokenize.detect_encoding(io.BytesIO(b'# -*- coding: latin-1 -*-\nx=1\n').readline))
print(shlex.split('a "b c" d\\ e'), shlex.quote("it's"))
cp = configparser.ConfigParser()
cp.read_string('[s]\nk = v\nn = 3\n')
print(cp['s']['k'], cp.getint('s', 'n'))
buf = io.StringIO()
cp.write(buf)
print(repr(buf.getvalue()))
with tempfile.NamedTemporaryFile('w', delete=False, suffix='.ini') as f:
    cp.write(f)
cp2 = configparser.ConfigParser()
print(cp2.read(f.name) == [f.name], cp2['s']['n'])
os.remove(f.name)
