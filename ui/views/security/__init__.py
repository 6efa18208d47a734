"""Security in the GUI: auto-lock, clipboard clearing, lock record display, passphrase
change, restore and the recovery sheet (issue #8, part A)."""
