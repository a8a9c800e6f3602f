# str.format/format_map field names: numbers too big, positional fields in
# format_map, a str subclass formatted through its __str__.
for fmt, args in [("{23098475029384702983476098230754973209482573}", ()), ("{9223372036854775808}", ()), ("{}", ())]:
    try: print(fmt.format(*args))
    except Exception as e: print(type(e).__name__, e)
try: print('{}'.format_map({}))
except Exception as e: print(type(e).__name__, e)
class S(str):
    def __str__(self): return '__str__ overridden'
print('{}'.format(S('xxx')), '%s' % S('xxx'), f'{S("xxx")}')
try: print("{0[23098475029384702983476098230754973209482573]}".format([1]))
except Exception as e: print(type(e).__name__, e)

# an encoding or errors argument with a NUL in it
for f in [lambda: b'a'.decode('utf-8', 'strict\x00x'), lambda: 'a'.encode('utf-8', 'strict\x00'),
          lambda: b'a'.decode('utf\x008'), lambda: str(b'a', 'utf-8', 'strict\x00'),
          lambda: bytes('a', 'utf\x008'), lambda: bytearray('a', 'ascii', 'x\x00')]:
    try:
        print(f())
    except ValueError as e:
        print(type(e).__name__, e)
