# TextIOWrapper reads of every size over data with every newline and multi-byte
# characters, chunk sizes of 1-8 bytes, and tell()/seek() round trips whose
# cookies are CPython's (decoder flags, bytes to feed, characters to skip).
import io
state = 12345
def rnd(n):
    global state
    state = (state * 1103515245 + 12345) & 0x7fffffff
    return state % n
pieces = ['a', 'bc', '\n', '\r', '\r\n', 'é', '€', '😀', 'xyz', '\n\r']
out = []
for case in range(170):
    text = ''.join(pieces[rnd(len(pieces))] for _ in range(rnd(30)))
    enc = ['utf-8', 'latin-1', 'utf-16-le', 'cp1252'][rnd(4)]
    try:
        data = text.encode(enc)
    except UnicodeEncodeError:
        data = text.encode('utf-8'); enc = 'utf-8'
    nl = [None, '', '\n', '\r', '\r\n'][rnd(5)]
    t = io.TextIOWrapper(io.BytesIO(data), encoding=enc, newline=nl)
    t._CHUNK_SIZE = 1 + rnd(8)
    res = []
    for step in range(12):
        op = rnd(5)
        if op == 0: res.append(t.read(rnd(5)))
        elif op == 1: res.append(t.readline())
        elif op == 2: res.append(t.readline(rnd(4)))
        elif op == 3:
            pos = t.tell(); res.append(pos)
            if enc != 'utf-16-le':
                r1 = t.readline(); t.seek(pos); r2 = t.readline(); res.append(r1 == r2)
        else: res.append(t.read())
    res.append(t.newlines)
    out.append((case, enc, nl, res))
for o in out:
    print(o)
