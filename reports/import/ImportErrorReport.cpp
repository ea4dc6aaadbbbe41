#include "reports/import/ImportErrorReport.h"

#include "reports/import/ImportReason.h"

#include <QDir>
#include <QFileInfo>

namespace crm {

QString ImportErrorReport::pathFor(const QString &inputPath)
{
    const QFileInfo in(inputPath);
    return in.dir().filePath(in.completeBaseName() + QStringLiteral(".errors.csv"));
}

ImportErrorReport::~ImportErrorReport()
{
    (void)close();
}

Status ImportErrorReport::add(const ImportIssue &issue)
{
    ++m_count;
    if (m_first.size() < 100)
        m_first.append(issue);
    if (m_path.isEmpty())
        return {};
    if (!m_file) {
        m_file = std::make_unique<QFile>(m_path);
        if (!m_file->open(QIODevice::WriteOnly | QIODevice::Truncate))
            return Error::writeFailed(QStringLiteral("Cannot write the error report %1: %2").arg(m_path, m_file->errorString()));
        m_writer = std::make_unique<CsvWriter>(m_file.get());
        m_writer->writeRow(ImportReason::reportHeader());
    }
    m_writer->addNumber(QString::number(issue.row));
    m_writer->addText(issue.column);
    m_writer->addText(issue.value);
    m_writer->addText(issue.reason);
    m_writer->endRow();
    return {};
}

Status ImportErrorReport::close()
{
    if (!m_writer)
        return {};
    Status st = m_writer->flush();
    m_writer.reset();
    m_file->close();
    return st;
}

} // namespace crm
