return if
