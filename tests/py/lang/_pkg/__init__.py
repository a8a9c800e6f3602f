print('init _pkg')
PKG = 'pkg-level'
