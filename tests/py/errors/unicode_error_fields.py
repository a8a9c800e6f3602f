for cls, args in [(UnicodeEncodeError, (1,)), (UnicodeEncodeError, (1,2,3,4,5)), (UnicodeEncodeError, ('a','b','c',4,'e')),
                  (UnicodeDecodeError, ('a', 5, 1, 2, 'x')), (UnicodeDecodeError, ('a', 'str', 1, 2, 'x')),
                  (UnicodeTranslateError, ('a',)), (UnicodeTranslateError, (1, 2, 3, 4)),
                  (UnicodeEncodeError, ('a','b',1.5,4,'e')), (UnicodeEncodeError, ('a','b',True,4,'e')),
                  (UnicodeEncodeError, ()),]:
    try:
        e = cls(*args)
        print('ok', repr(e), e.args)
    except Exception as ex:
        print(cls.__name__, type(ex).__name__, ex)
e = UnicodeDecodeError('ascii', bytearray(b'\xff'), 0, 1, 'r')
print(type(e.object), e.object, e.start, e.end, e.encoding, e.reason, str(e))
e = UnicodeTranslateError('\u3042', 0, 1, 'ouch')
print(e.encoding, e.object, e.start, e.end, e.reason, str(e), repr(e))
e = UnicodeTranslateError('\U00012345x', 0, 1, 'ouch'); print(str(e))
e = UnicodeTranslateError('\u3042x', 0, 1, 'ouch'); print(str(e))
try: print(str(UnicodeEncodeError('e', '\u3042x', -1, 0, 'ouch')))
except IndexError as ex: print('IndexError', ex)
e = UnicodeEncodeError('e', '\u3042x', 5, 6, 'ouch'); print(str(e))
e = UnicodeDecodeError('e', b'ab', 5, 6, 'ouch'); print(str(e))
for k in (UnicodeEncodeError, UnicodeDecodeError, UnicodeTranslateError):
    print(repr(str(k.__new__(k))), k.__new__(k).args)
    o = k.__new__(k)
    for a in ('encoding', 'object', 'reason', 'start', 'end'):
        try: print(a, getattr(o, a))
        except Exception as ex: print(a, type(ex).__name__, ex)
u = UnicodeEncodeError('baz', 'xxxxx', 1, 5, 'foo')
u.reason = 0x345345345345345345
u.encoding = 4000
print(str(u))
u.start = 1000
print(str(u))
try: u.reason = 5.5
except Exception as ex: print(type(ex).__name__, ex)
print(str(u))
u.object = 12
print(str(u))
try: del u.reason
except Exception as ex: print(type(ex).__name__, ex)
print(issubclass(UnicodeTranslateError, UnicodeError), UnicodeTranslateError.__mro__)
print(EncodingWarning.__mro__)
