# long strings and big containers
s = 'x' * 10 ** 6
print(len(s), s[:3], s[-1], s.count('x'), len(s + s), len(s.replace('x', 'yz')))
t = ''.join(str(i % 10) for i in range(100000))
print(len(t), t[99990:], t.find('98765'), hash(t) == hash(''.join(t)))
l = list(range(10 ** 6))
print(len(l), sum(l), l[-1], len(l[::1000]))
d = {i: i * i for i in range(100000)}
print(len(d), d[99999], sum(d.values()) % 1000007)
b = b'ab' * 500000
print(len(b), b[-2:], len(bytearray(10 ** 6)))
print((2 ** 100000).bit_length(), len(str(2 ** 10000)))
