print('init _pkg.mod')
from . import sibling
from .sibling import S
NAME = 'mod'
def get():
    return sibling.S + '/' + S
