#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>

namespace hm::server {

// `hivemind-server rotate-master-key`: an offline command that moves a data
// directory from one master key to another (docs/vault.md "Master-key
// rotation"). It re-wraps every data key (DEK) under the new key's wrapping
// subkey and re-encrypts the SQLCipher database under the new key's database
// subkey, in a copy that replaces the database with one rename. A SIGKILL at
// any point leaves a directory that opens with the old key (before the
// rename) or the new one (after it); running the command again with the
// same options finishes an interrupted run or does nothing.
struct MasterKeyRotationOptions
{
    QString dataDir;
    // The current key, found as the server finds it: HIVEMIND_MASTER_KEY,
    // else --master-key-file, else DATA_DIR/master.key (never generated).
    QString masterKeyFile;
    QByteArray masterKeyEnvironment;
    // The new key: HIVEMIND_NEW_MASTER_KEY, else --new-master-key-file, else
    // --generate-new-key (only when the current key is DATA_DIR/master.key,
    // which then receives the new key).
    QString newMasterKeyFile;
    QByteArray newMasterKeyEnvironment;
    bool generateNewKey = false;
    // Test hook (HIVEMIND_TEST_HOOK_ROTATION_STOP_AT): the process stops
    // for good at the named step, after printing "test hook: stopped at
    // STEP" on stderr, so that a crash test can SIGKILL it there. Steps, in
    // order: locked, marker-written, new-key-staged, exported, rewrapped,
    // keycheck-removed, committed, keycheck-written, key-installed.
    QString testHookStopAt;
};

struct MasterKeyRotationOutcome
{
    enum class Kind
    {
        Rotated,     // this run moved the directory to the new key
        Completed,   // a run interrupted after its commit was finished
        AlreadyDone, // nothing to do: the directory uses the new key
    };
    Kind kind = Kind::Rotated;
    int dataKeys = 0; // data keys re-wrapped by this run
    // Where the key the directory now uses is: DATA_DIR/master.key (which
    // this command rewrote) or the variable / file the operator gave.
    QString keyLocation;
    bool keyFileReplaced = false; // DATA_DIR/master.key now holds the new key
};

// DataDirInUse while a server holds the directory; ValidationError for a
// missing or same new key; DbKeyInvalid when neither key opens the
// database; DecryptionError when the current key does not open the data
// keys. Every failure before the commit leaves the database as it was.
Result<MasterKeyRotationOutcome> rotateMasterKey(const MasterKeyRotationOptions &options);

// DATA_DIR/master-key-rotation: present while a rotation is unfinished.
// Holds a commitment to the new key (SHA-256 of a label and the key), never
// key material.
QString masterKeyRotationMarkerPath(const QString &dataDir);

} // namespace hm::server
