# _imp.source_hash (importlib.util.source_hash): keyed SipHash-1-3, as CPython.
import _imp; print(_imp.source_hash(42, b'hello'), _imp.source_hash.__text_signature__)
import importlib.util as u; print(u.source_hash(b'x'), u.source_hash(b''))
for a, k in [((-1, bytearray(b'abc')), {}), ((), {'key': 3, 'source': b'q'}), ((1, 'x'), {}), ((b'x', b'y'), {}), ((2**64, b'y'), {})]:
    try: print(_imp.source_hash(*a, **k))
    except Exception as e: print(type(e).__name__, e)
