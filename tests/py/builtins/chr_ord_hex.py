# chr, ord, hex, oct, bin
print(chr(65), chr(97), chr(0x20AC), chr(0), repr(chr(10)), ord('A'), ord('€'), ord('\n'), ord(b'a'), ord(bytearray(b'z')))
print(hex(255), hex(-255), hex(0), oct(8), oct(-8), bin(5), bin(-5), bin(0), hex(2 ** 64), oct(0o777))
try:
    chr(-1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    chr(0x110000)
except ValueError as e:
    print(type(e).__name__, e)
try:
    ord('ab')
except TypeError as e:
    print(type(e).__name__, e)
try:
    hex(1.5)
except TypeError as e:
    print(type(e).__name__, e)
class I:
    def __index__(self): return 10
print(hex(I()), bin(I()), list(range(20))[I()], 'abcdefghijkl'[I()])
