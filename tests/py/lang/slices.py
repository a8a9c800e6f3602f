# slicing with steps
s = 'abcdefghij'
l = list(range(10))
t = tuple(range(10))
for seq in (s, l, t):
    print(seq[2:5], seq[:3], seq[7:], seq[-3:], seq[:-7], seq[::2], seq[1::3], seq[::-1], seq[8:2:-2], seq[-1:-4:-1])
print(s[100:], s[-100:2], s[5:2], s[::-3], s[3:3], l[::-4])
print(s[slice(1, 4)], l[slice(None, None, 5)], s[slice(3)])
print(b'bytes'[1:3], bytearray(b'xyz')[::-1], range(10)[2:8:3])
try:
    s[::0]
except ValueError as e:
    print(type(e).__name__, e)
big = 10 ** 30
print(s[-big:big], l[big:])
print('hello'[-1], 'hello'[0], 'hello'[1:-1])
