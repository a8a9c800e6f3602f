# Found by tools/difffuzz.py and minimized by it (a random program of seed 124,
# generator of the time). CPython and gilpy then printed:
#   python: ! KeyError bytearray(b'')
#   gilpy:  ! TypeError unhashable type: 'bytearray'
def exc(e):
    print('!', type(e).__name__, e)
import math, collections, itertools, functools, operator, heapq, bisect
try:
    v23 = (bytearray(b'')).copy()
except Exception as e:
    v23 = '{}'
try:
    d = collections.OrderedDict.fromkeys(v23)
    d.move_to_end(v23)
except Exception as e:
    exc(e)
