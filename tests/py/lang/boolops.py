# short-circuit and/or/not
def t(v):
    print('t', v)
    return v
print(t(0) and t(1))
print(t(1) and t(2))
print(t(0) or t(3))
print(t(4) or t(5))
print(not t(0), not t('x'))
print(t(None) or t('') or t([]) or t('last'))
print(t(1) and t(0) or t('fallback'))
print(type(1 and 2).__name__, [] or {}, (0, ) and 'nonempty')
x = 0
if x != 0 and 10 / x > 1:
    print('no')
else:
    print('short-circuited')
print(not None, not [], not [0], bool(not 0))
class B:
    def __bool__(self):
        print('bool called')
        return False
print(B() or 'x')
print(not B())
