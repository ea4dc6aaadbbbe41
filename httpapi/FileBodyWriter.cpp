#include "httpapi/FileBodyWriter.h"

namespace crm {

void FileBodyWriter::start(QTcpSocket *socket, std::unique_ptr<QFile> file, bool removeWhenDone)
{
    auto *writer = new FileBodyWriter(socket, std::move(file), removeWhenDone);
    writer->pump();
}

FileBodyWriter::FileBodyWriter(QTcpSocket *socket, std::unique_ptr<QFile> file, bool removeWhenDone)
    : QObject(socket), m_socket(socket), m_file(std::move(file)), m_remove(removeWhenDone)
{
    connect(socket, &QTcpSocket::bytesWritten, this, &FileBodyWriter::pump);
    // A client that goes away mid-file: stop reading it (the socket deletes this writer later).
    connect(socket, &QTcpSocket::disconnected, this, [this] { finish(); });
}

FileBodyWriter::~FileBodyWriter()
{
    finish();
}

void FileBodyWriter::pump()
{
    if (m_finished || !m_socket)
        return;
    QByteArray chunk;
    while (m_socket->bytesToWrite() < kHighWater && !m_file->atEnd()) {
        chunk.resize(kChunk);
        const qint64 n = m_file->read(chunk.data(), kChunk);
        if (n <= 0) {
            // The promised Content-Length can no longer be met: cut the connection so the client
            // sees a failed download rather than a short file that looks whole.
            qWarning("download: reading %s failed: %s", qPrintable(m_file->fileName()), qPrintable(m_file->errorString()));
            finish();
            m_socket->abort();
            return;
        }
        m_socket->write(chunk.constData(), n);
    }
    if (m_file->atEnd()) {
        finish();
        m_socket->disconnectFromHost(); // sends what is buffered first
    }
}

void FileBodyWriter::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_socket)
        disconnect(m_socket, nullptr, this, nullptr);
    const QString path = m_file->fileName();
    m_file->close();
    if (m_remove)
        QFile::remove(path);
}

} // namespace crm
