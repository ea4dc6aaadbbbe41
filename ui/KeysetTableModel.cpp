#include "ui/KeysetTableModel.h"

#include "core/ErrorText.h"

#include <algorithm>

namespace crm {

KeysetTableModel::KeysetTableModel(DbWorker &worker, QObject *parent) : QAbstractTableModel(parent), m_worker(worker) {}

void KeysetTableModel::startQuery()
{
    m_queried = true;
    ++m_generation;
    read(0, kPageSize);
}

void KeysetTableModel::reload()
{
    if (!m_queried)
        return;
    ++m_generation;
    // As many rows as were loaded (whole pages), so that a change elsewhere does not take a user who
    // scrolled down back to the top (a response recorded on row 450 keeps them at row 450); the old
    // rows stay on screen until the fresh ones replace them.
    read(0, std::max(kPageSize, (m_rowCount + kPageSize - 1) / kPageSize * kPageSize));
}

void KeysetTableModel::read(qint64 afterKey, int rows)
{
    m_loading = true;
    fetch(afterKey, rows);
}

void KeysetTableModel::setError(const Error &error)
{
    m_error = ErrorText::message(error);
}

int KeysetTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rowCount;
}

bool KeysetTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_hasMore && !m_loading;
}

void KeysetTableModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent) || m_rowCount == 0)
        return;
    read(keyAt(m_rowCount - 1), kPageSize);
}

int KeysetTableModel::rowOf(qint64 key) const
{
    for (int i = 0; i < m_rowCount; ++i)
        if (keyAt(i) == key)
            return i;
    return -1;
}

} // namespace crm
