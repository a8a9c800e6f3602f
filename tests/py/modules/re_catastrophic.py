import re
# Deep and long inputs must neither overflow the C stack nor take forever.
print(re.match(r'(a|b)*c', 'ab' * 50000 + 'c').end())
print(re.match(r'(?:a|b)*?c', 'ab' * 50000 + 'c').end())
print(re.match(r'(a)*', 'a' * 100000).span(1))
print(len(re.findall(r'\w+', 'word ' * 20000)))
print(re.match(r'((((((((((a))))))))))*b', 'a' * 1000 + 'b').end())
print(re.search(r'x(?=y+z)', 'x' + 'y' * 10000 + 'z').span())
print(re.match('(' * 50 + 'a' + ')' * 50, 'a').groups()[:3])
print(re.match(r'(a+)+b', 'a' * 22), re.sub(r'\s+', ' ', ' a \n\t b ' * 1000)[:20])
print(re.match(r'(?:(?:a{1,3}){1,3}){1,3}b', 'aaaaaaaaab'))
