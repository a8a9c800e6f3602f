class AppError(Exception):
    pass
print('x')
raise AppError('custom failure', 7)
