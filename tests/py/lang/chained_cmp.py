# chained comparisons evaluate each operand once
def v(x):
    print('eval', x)
    return x
print(v(1) < v(2) < v(3))
print(v(3) < v(2) < v(1))
print(1 < 2 > 1, 1 == 1 == 1, 1 == 1 != 1, 1 < 3 <= 3 < 4)
x = 5
print(0 < x < 10, 0 < x > 10, 'a' < 'b' < 'c', [1] < [1, 0] < [2])
print(1 in [1] in [[1]], 2 not in [1] in [[1]])
print((1, 2) < (1, 3), (1, 2) == (1, 2.0), 'abc' < 'abd', 'Z' < 'a', [] < [0])
print(1 == 1.0, 1 == True, 0 == False, None == None, None == 0, 'a' != 'b')
try:
    1 < 'a'
except TypeError as e:
    print(type(e).__name__, e)
try:
    [1] < (1,)
except TypeError as e:
    print(type(e).__name__, e)
try:
    None > None
except TypeError as e:
    print(type(e).__name__, e)
print(float('nan') == float('nan'), float('inf') > 1e308)
