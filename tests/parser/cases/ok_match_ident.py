match = 1
match.x = 2
print(match)
case = 3
_ = 4
match(x)
match[x] = 1
def match(case): return case
