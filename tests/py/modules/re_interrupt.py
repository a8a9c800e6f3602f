import re, signal, weakref
def h(*a):
    raise TimeoutError('stop')
signal.signal(signal.SIGALRM, h)
signal.alarm(1)
try:
    re.match(r'(a+)+b', 'a' * 40)
except TimeoutError as e:
    print('interrupted', e)
r = re.compile('abc')
w = weakref.ref(r)
print(w() is r)
class S(str): pass
m = re.match('a(b)', S('abc'))
print(type(m.group(1)), type(m.string))
print(re.sub('(b)', r'\1\1', S('abc')), type(re.sub('b', 'x', S('abc'))))
