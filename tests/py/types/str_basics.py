# str indexing, iteration, comparison, immutability, unicode
s = 'héllo wörld'
print(len(s), s[1], s[-1], s[1:4], list(s[:3]), s.upper(), s[::-1])
print('a' < 'b', 'abc' < 'abd', 'B' < 'a', 'é' > 'z', ord('é'), chr(233), chr(0x1F600) == '\U0001F600')
print('ab' + 'cd', 'ab' * 3, 'x' * 0, -1 * 'x', 'ab' in 'cabd', 'abc'.__len__(), str(12), str([1, 'a']))
try:
    s[0] = 'H'
except TypeError as e:
    print(type(e).__name__, e)
try:
    s[100]
except IndexError as e:
    print(type(e).__name__, e)
try:
    'a' + 1
except TypeError as e:
    print(type(e).__name__, e)
for ch in 'ab€':
    print(ch, ord(ch), ch.encode())
print(repr('multi\nline'), str('x'), 'A'.lower() == 'a', hash('abc') == hash('ab' + 'c'))
print(max('hello'), min('hello'), sorted('hello'), list(reversed('abc')), 'x'.join(sorted(set('banana'))))
print('😀'.encode(), len('😀'), '日本語'[1], len('日本語'.encode()))
print(str(), str(3.0), str(None), str(b'ab'), type('').__name__)
