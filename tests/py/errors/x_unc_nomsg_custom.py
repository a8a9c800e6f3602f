class Boom(Exception): pass
def a(): b()
def b(): raise Boom
a()
