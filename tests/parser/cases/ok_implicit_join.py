x = (1 +
     2)
y = [1,
  2,
      3]
z = 1 + \
    2
def f(a,
      b):
    return {
        'a': 1,
    }
s = ('abc'
     'def')
