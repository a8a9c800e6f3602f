# bad input to loads: an exception as CPython's, never a crash or a hang
import pickle, random, io

def show(data):
    try:
        r = pickle.loads(data)
        print('ok', type(r).__name__)
    except Exception as e:
        print(type(e).__name__)

show(b'')
show(b'N')
show(b'.')
show(b'\x80\x04\xff.')
show(b'\x80\x63N.')
show(b'X\xff\xff\xff\x7fabc.')
show(b'\x8d\xff\xff\xff\xff\xff\xff\xff\x7fabc.')
show(b'\x8e\xff\xff\xff\xff\xff\xff\xff\x7fabc.')
show(b'\x95\xff\xff\xff\xff\xff\xff\xff\x00N.')
show(b'\x8b\xff\xff\xff\xff.')
show(b'j\xff\xff\xff\x7f.')
show(b'h\x05.')
show(b'q\x00.')
show(b'(t(.')
show(b'e.')
show(b'u.')
show(b'NK\x01K\x02s.')
show(b'R.')
show(b'N)R.')
show(b'\x81.')
show(b'K\x01)\x81.')
show(b'\x93.')
show(b'NN\x93.')
show(b'I12x\n.')
show(b"S'abc\n.")
show(b'P1\n.')
show(b'\x82\x00.')
show(b'\x97.')
show(b']r\x00\x00\x00\x40.')           # a huge memo index is still only one entry
show(b'(' * 100000 + b'.')
show(b']' + b'(]' * 100000 + b'e' * 100000 + b'.')
show(b'(' * 100000 + b't' * 100000 + b'.')
good = pickle.dumps({'a': [1, 2.5, 'x', (None, True)], 'b': {1, 2}, 'c': 2**80, 'd': b'xy'}, 4)
for n in range(len(good)):
    try:
        pickle.loads(good[:n])
        print('loaded a truncation', n)
    except (pickle.UnpicklingError, EOFError):
        pass
print('truncations rejected')
rnd = random.Random(11)
errors = 0
for i in range(2000):
    b = bytearray(good)
    for _ in range(rnd.randint(1, 4)):
        b[rnd.randrange(len(b))] = rnd.randrange(256)
    try:
        pickle.loads(bytes(b))
    except Exception:
        errors += 1
print('garbage survived', errors > 0)
deep = []
for i in range(300):
    deep = [deep]
s = pickle.dumps(deep, 4)
r = pickle.loads(s)
n = 0
while r:
    r = r[0]
    n += 1
print('deep', n)
print(pickle.load(io.BytesIO(good + b'trailing')) == pickle.loads(good))
