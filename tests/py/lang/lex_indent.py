# INDENT / DEDENT handling, comments and blank lines
def f(x):
    if x > 0:
            # deep comment at odd indent
            return 'pos'

    elif x < 0:
      return 'neg'
    else:
        return 'zero'
print(f(1), f(-1), f(0))

class C:

    def m(self):

        return 42


    # comment
print(C().m())
for i in range(2):
  for j in range(2):
        print(i, j)
if True: print('one-liner')
while False: pass
def g(): return 'g'
print(g())
