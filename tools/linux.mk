# Reference runs on Debian's Linux i386 kernel (being written).
