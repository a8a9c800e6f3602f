# A module that shadows the library's queue (gilpy embeds its own).
SHADOW = True
