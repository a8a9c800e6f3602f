# bool(NotImplemented) is True with a DeprecationWarning (through the warnings
# module, so filters apply), as in CPython 3.11.
import warnings

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    print(bool(NotImplemented), not NotImplemented)
    print(len(w), [(x.category.__name__, str(x.message)) for x in w])
warnings.simplefilter('error')
try:
    if NotImplemented:
        pass
except DeprecationWarning as e:
    print('DeprecationWarning', e)
warnings.simplefilter('ignore')
print(NotImplemented or 5, bool(NotImplemented))
