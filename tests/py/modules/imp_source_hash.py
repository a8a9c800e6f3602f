# _imp.source_hash (importlib.util.source_hash): keyed SipHash-1-3, as CPython.
import _imp; print(_imp.source_hash(42, b'hello'), _imp.source_hash.__text_signature__)
# importlib.util.source_hash keys with the magic number: CPython 3.11's here (gilpy's differs)
magic = int.from_bytes((3495).to_bytes(2, 'little') + b'\r\n', 'little')
print(_imp.source_hash(magic, b'x'), _imp.source_hash(magic, b''))
for a, k in [((-1, bytearray(b'abc')), {}), ((), {'key': 3, 'source': b'q'}), ((1, 'x'), {}), ((b'x', b'y'), {}), ((2**64, b'y'), {})]:
    try: print(_imp.source_hash(*a, **k))
    except Exception as e: print(type(e).__name__, e)
