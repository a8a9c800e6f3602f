import re
for p in ['*a', 'a**', '(a', 'a)', '[a', r'\1', '(?P<1>a)', '(?<=a+)b', 'a{3,2}', '(?P<a>x)(?P<a>y)', '\\', '(?z)', r'\p']:
    try:
        re.compile(p)
        print('ok', p)
    except re.error as e:
        print('error', repr(p), e, e.pos)
for call in [lambda: re.match('a', 1), lambda: re.match('a', b'a'), lambda: re.match(b'a', 'a'),
             lambda: re.compile('a').match('a', 'x'), lambda: re.compile('a').match(),
             lambda: re.compile('a').search('a', pos=1, bogus=2), lambda: re.compile(1),
             lambda: re.match('a', None), lambda: re.sub('a', 'b', 1)]:
    try:
        print(call())
    except TypeError as e:
        print('TypeError', e)
print(re.match('(a)', 'a').groups(), re.error, issubclass(re.error, Exception))
try:
    re.compile('(?i')
except re.error as e:
    print(e.msg, e.pattern, e.pos, e.lineno, e.colno)
