#pragma once

#include <QFile>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>

#include <memory>

namespace crm {

// Sends a file as the body of a response that the caller has already started (status line and
// headers written), a chunk at a time as the socket drains, then closes the connection.
//
// Why not QHttpServerResponder::write(QIODevice *): in Qt 6.4 it copies 512 bytes per event-loop
// turn (IOChunkedTransfer), so a 100 MB export takes minutes; and reading the file into one
// QByteArray would hold all of it in memory. Here at most kHighWater + kChunk bytes are buffered
// per download, whatever the file size.
//
// The response says "Connection: close" and the connection ends after the body: Qt 6.4 would answer
// a pipelined request on the same socket in the middle of the file otherwise.
// When `removeWhenDone` the file is deleted once the writer ends, sent or not (a used-up download).
class FileBodyWriter : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kChunk = 64 * 1024;
    static constexpr qint64 kHighWater = 256 * 1024;

    // Takes over `socket` until the file is sent; the writer is the socket's child.
    static void start(QTcpSocket *socket, std::unique_ptr<QFile> file, bool removeWhenDone);
    ~FileBodyWriter() override;

private:
    FileBodyWriter(QTcpSocket *socket, std::unique_ptr<QFile> file, bool removeWhenDone);
    void pump();
    void finish();

    QPointer<QTcpSocket> m_socket;
    std::unique_ptr<QFile> m_file;
    bool m_remove;
    bool m_finished = false;
};

} // namespace crm
