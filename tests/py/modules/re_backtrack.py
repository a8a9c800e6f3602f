import re
tests = [
 (r'(a)|(b)', 'b'), (r'((a)|(b))*', 'ab'), (r'(a(b)?)+', 'aba'), (r'(?:(a)|(b))+?c', 'abc'),
 (r'(a*?)*', 'aa'), (r'(a|b)*?b', 'aab'), (r'(?:a*)*', 'aaa'), (r'(x?)*y', 'xxy'),
 (r'((?:a|b)*?)(c)', 'abc'), (r'(?:(?:a)*?b)*', 'abab'), (r'(a){0}', 'a'), (r'(a){2}', 'aaa'),
 (r'(?:x(a)|y)*', 'xaya'), (r'(?P<n>a)(?P=n)+', 'aaa'), (r'(a)(?=(b))', 'ab'), (r'(?!a)(.)', 'ab'),
 (r'^(?:(\d+)\.)?(\d+)$', '12.34'), (r'(\w+)\s*=\s*(.*?)\s*$', 'key =  value  '),
 (r'(?<=(?:ab))c', 'abc'), (r'(?i)(ABC)\1', 'abcABC'), (r'(a)(?:b\1)*', 'ababa'),
 (r'(?:(a)b)*c', 'ababc'), (r'(?:(a)|b)*', 'ba'), (r'(a)?b(?(1)c|d)', 'bd'),
 (r'(?:a|(b))*', 'ab'), (r'(a|ab)*c', 'ababc'), (r'(?:(a)(b)?)*', 'aba'),
]
for p, s in tests:
    m = re.search(p, s)
    print(p, m, m and (m.groups(), m.lastindex, m.regs))
print(re.findall('', 'ab'), re.search('(?:)', ''), re.fullmatch(r'(a|ab)(c|bcd)', 'abcd'))
print(re.fullmatch(r'a*?', 'aaa'), re.fullmatch(r'(?:a|b)*?', 'abab'), re.fullmatch('x', 'xy'))
print(re.sub(r'(?<=a)', '-', 'aaa'), re.split(r'(?=b)', 'abab'), re.subn('$', 'X', 'a\n'))
