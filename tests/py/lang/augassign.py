# augmented assignment for every operator
x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 2; print(x)
x /= 4; print(x)
x = 17
x //= 5; print(x)
x %= 2; print(x)
x = 3
x **= 4; print(x)
x <<= 2; print(x)
x >>= 3; print(x)
x &= 6; print(x)
x |= 9; print(x)
x ^= 5; print(x)
s = 'ab'
s *= 3; print(s)
s += '!'; print(s)
l = [1]
alias = l
l += [2, 3]
print(l, alias, l is alias)
l *= 2
print(alias)
t = (1,)
t2 = t
t += (2,)
print(t, t2)
d = {'k': 1}
d['k'] += 10
print(d)
class C: pass
c = C(); c.v = 1; c.v += 1; print(c.v)
lst = [1, 2, 3]
i = 0
lst[i] *= 100
print(lst)
st = {1, 2}
st |= {3}; st &= {2, 3}; st -= {2}; st ^= {7}
print(sorted(st))
