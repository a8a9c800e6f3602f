# The io classes document themselves as CPython's: __doc__, __text_signature__
# and what inspect.signature makes of them.
import inspect
import io

for t in [io.BufferedReader, io.BufferedWriter, io.BufferedRandom, io.BufferedRWPair,
          io.FileIO, io.BytesIO, io.StringIO, io.TextIOWrapper, io.IncrementalNewlineDecoder]:
    print(t.__name__, t.__text_signature__, inspect.signature(t))
    print(" ", t.__doc__.splitlines()[0])
for call in [lambda: io.BufferedReader(io.BytesIO(), 1, 2, 3), lambda: io.BufferedWriter(),
             lambda: io.StringIO(1, 2, 3), lambda: io.BytesIO(1, 2), lambda: io.StringIO(foo=1)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
