# while / else, break skips else
i = 0
while i < 3:
    print('loop', i)
    i += 1
else:
    print('else ran', i)
i = 0
while True:
    i += 1
    if i == 4:
        break
else:
    print('not printed')
print('broke at', i)
n = 0
while n < 10:
    n += 1
    if n % 2:
        continue
    print('even', n)
else:
    print('done')
while 0:
    pass
else:
    print('else of never-run loop')
