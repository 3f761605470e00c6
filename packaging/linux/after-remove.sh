#!/bin/sh
# After the package is removed (deb: "remove" or "purge"; rpm: 0 when erased, 1 on
# upgrade). The book belongs to her, not to the package: nothing here deletes it,
# and this says where it stays.
case "$1" in
  remove | purge | 0)
    echo "Tend is removed. Each person's contacts and follow-ups are still in their data folder:"
    echo "  ~/.local/share/app.tend.desktop/ (tend.sqlite3 and backups/; \$XDG_DATA_HOME/app.tend.desktop/ if that is set)."
    echo "Install Tend again to carry on with them, or delete that folder to remove them too."
    ;;
esac
exit 0
