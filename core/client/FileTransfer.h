#pragma once

#include "common/Error.h"

#include <QCryptographicHash>
#include <QFile>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QString>
#include <optional>

class QNetworkReply;
class QNetworkRequest;

namespace hm::client {

class ApiClient;

// Moves one file between this machine and a node's files (docs/api.md
// "Node files"), in chunks, with progress:
//
// - upload(): hashes the local file (SHA-256, the agent checks it at the
//   end), begins an upload, sends the file in chunks of at most 512 KiB
//   read from disk one at a time, and finishes it. A chunk that fails on
//   the way (network, an expired token, a timeout) asks the server what
//   the agent confirmed and carries on from there, a few times; past that
//   the transfer fails with canResume(), and resume() reopens the upload
//   (also after an agent restart) and goes on from the confirmed offset.
// - download(): reads the size (stat), streams the bytes into
//   "<target>.part" as they arrive (never the whole file in memory, any
//   size), hashes them, checks the length and renames the part into place.
//   A download cut off by the network (or a connection the server ended
//   short of Content-Length) keeps its part: canResume(), and resume()
//   asks for the rest with `Range: bytes=<part size>-` — unless the
//   remote file's size or modification time moved meanwhile, which
//   starts it over.
//
// cancel() stops either at once: an upload is aborted on the node, a
// download's part file removed. JSON calls go through RemoteApi (with the
// client's session refresh); the raw chunks and the download go on this
// class's own connection with the client's credential and TLS policy,
// because ApiClient holds whole answers in memory. Everything is
// asynchronous: hashing runs a chunk per event-loop turn.
class FileTransfer final : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Idle,
        Hashing,   // an upload reads its file for the checksum
        Starting,  // begin (or resume) an upload, stat a download
        Moving,    // bytes on their way
        Finishing, // the agent checks size and SHA-256
        Done,
        Failed,
        Cancelled
    };
    Q_ENUM(State)

    // The server's limit for one chunk.
    static constexpr qint64 kMaxChunkBytes = 512 * 1024;

    FileTransfer(ApiClient *client, const QString &nodeId, QObject *parent = nullptr);
    ~FileTransfer() override;

    void upload(const QString &localPath, const QString &root, const QString &remotePath,
                bool overwrite);
    void download(const QString &root, const QString &remotePath, const QString &localPath);
    // Stops the transfer; an upload is aborted on the node. No-op once over.
    void cancel();
    // A transfer that failed with canResume(): an upload is reopened on the
    // node and the rest sent; a download asks for the bytes after its part.
    void resume();
    // At most kMaxChunkBytes (tests use smaller chunks to see progress).
    void setChunkSize(qint64 bytes);

    bool isUpload() const { return m_upload; }
    State state() const { return m_state; }
    bool isRunning() const;
    bool canResume() const;
    qint64 transferred() const { return m_done; }
    qint64 total() const { return m_total; }
    QString uploadId() const { return m_uploadId; }
    QString localPath() const { return m_localPath; }
    QString remotePath() const { return m_remotePath; }
    // The file's SHA-256 (hex) once known: an upload's before it starts, a
    // download's when it is done.
    QString sha256() const { return m_sha256; }
    std::optional<Error> error() const { return m_error; }

signals:
    void progress(qint64 transferred, qint64 total);
    void stateChanged(hm::client::FileTransfer::State state);
    void finished();
    void failed(const hm::Error &error);
    void cancelled();

private:
    void setState(State state);
    void fail(const Error &error);
    void hashStep();
    void beginUpload(const QString &resumeId);
    void sendChunk();
    void chunkAnswered(QNetworkReply *reply);
    // A chunk failed on its way: ask what the agent has and go on.
    void recover(const Error &why);
    void finishUpload();
    void startDownload();
    void downloadBytes();
    void downloadAnswered(QNetworkReply *reply);
    QNetworkRequest rawRequest(const QString &path, const QUrlQuery &query) const;
    std::optional<Error> replyError(QNetworkReply *reply, const QByteArray &body);
    void dropReply();

    QPointer<ApiClient> m_client;
    QString m_nodeId;
    QNetworkAccessManager m_network;
    QPointer<QNetworkReply> m_reply;
    std::optional<Error> m_tlsRefusal;
    State m_state = State::Idle;
    bool m_upload = true;
    QString m_localPath;
    QString m_root;
    QString m_remotePath;
    bool m_overwrite = false;
    QFile m_file;
    QCryptographicHash m_hash{QCryptographicHash::Sha256};
    QString m_sha256;
    QString m_uploadId;
    qint64 m_chunkSize = kMaxChunkBytes;
    qint64 m_done = 0;
    qint64 m_total = 0;
    qint64 m_sentChunk = 0; // bytes of the chunk on its way
    int m_retries = 0;      // recoveries since the last confirmed chunk
    bool m_tokenRetried = false;
    QByteArray m_errorBody; // a download's error envelope
    qint64 m_resumeFrom = 0; // a download's part kept from the last try
    QString m_remoteStamp;   // the remote file's size and mtime when its part began
    bool m_partKept = false;
    quint64 m_generation = 0;
    std::optional<Error> m_error;
};

} // namespace hm::client
