# garbage bytes never crash the loader
import pickle, random
rnd = random.Random(7)
good = pickle.dumps({'a': [1, 2.5, 'x', (None, True)], 'b': {1, 2}, 'c': 2**80})
count = 0
for i in range(300):
    b = bytearray(good)
    for _ in range(rnd.randint(1, 4)):
        b[rnd.randrange(len(b))] = rnd.randrange(256)
    try:
        pickle.loads(bytes(b))
    except Exception:
        count += 1
for n in range(len(good)):
    try:
        pickle.loads(good[:n])
    except (pickle.UnpicklingError, EOFError):
        pass
print('truncations rejected')
print(pickle.loads(good) == {'a': [1, 2.5, 'x', (None, True)], 'b': {1, 2}, 'c': 2**80})
class Slotted:
    def __reduce__(self):
        return (Slotted, ())
print(type(pickle.loads(pickle.dumps(Slotted()))).__name__)
import threading
try:
    pickle.dumps(threading.Lock())
except TypeError as e:
    print('TypeError')
try:
    pickle.dumps(lambda: 0)
except pickle.PicklingError as e:
    msg = str(e)
    print(type(e).__module__, msg[:msg.index(' at ')], msg[msg.index('>:'):])
def outer():
    def inner():
        pass
    return inner
pickle.dumps(outer())
