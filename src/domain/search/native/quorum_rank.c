/*
 * quorum_rank: an FTS5 ranking function that scores like FTS5's built-in bm25() but takes each phrase's
 * document frequency from the caller instead of counting it.
 *
 * bm25() counts, on its first row of every query, how many documents hold each phrase: it walks the
 * phrase's whole posting list (for a word in 59 % of a million threads, 14 ms a query, more than the rest
 * of the search together). The counts barely move from one query to the next, so Quorum remembers them
 * (fts5-rank.ts) and passes them in; for a one-phrase query they do not change the order at all.
 *
 *   quorum_rank(search_fts, w0, ..., wN-1, df0, df1, ...)
 *
 * The first N arguments (N = the table's column count) are column weights, as for bm25(). The rest are
 * document frequencies, one per phrase of the MATCH expression in order; a phrase without one (or with a
 * negative one) gets an IDF of 1. With the true frequencies the result equals bm25()'s (tested in
 * test/integration/search/fts5-rank.test.ts): k1 = 1.2, b = 0.75, IDF = ln((N - n + 0.5) / (n + 0.5)),
 * at least 1e-6, the document length in tokens over all columns. Lower is better, as for bm25().
 *
 * Built by scripts/build.mjs into dist/native/quorum_rank; loaded by src/db/sqlite-extensions.ts when present.
 */
#include <math.h>
#include <string.h>

#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT1

/* What stays the same for every row of one query. */
typedef struct RankData {
  int nPhrase;
  double avgdl;  /* average document length in tokens */
  double *aIDF;  /* one per phrase */
  double *aFreq; /* scratch: one per phrase, reset for every row */
} RankData;

static RankData *rankData(const Fts5ExtensionApi *pApi, Fts5Context *pFts, int nVal,
                          sqlite3_value **apVal, int *pRc) {
  RankData *p = (RankData *)pApi->xGetAuxdata(pFts, 0);
  if (p) return p;
  int nPhrase = pApi->xPhraseCount(pFts);
  int nCol = pApi->xColumnCount(pFts);
  sqlite3_int64 nRow = 0, nToken = 0;
  int rc = pApi->xRowCount(pFts, &nRow);
  if (rc == SQLITE_OK) rc = pApi->xColumnTotalSize(pFts, -1, &nToken);
  if (rc != SQLITE_OK) {
    *pRc = rc;
    return 0;
  }
  p = (RankData *)sqlite3_malloc64(sizeof(RankData) + sizeof(double) * 2 * (nPhrase > 0 ? nPhrase : 1));
  if (!p) {
    *pRc = SQLITE_NOMEM;
    return 0;
  }
  memset(p, 0, sizeof(RankData));
  p->nPhrase = nPhrase;
  p->aIDF = (double *)&p[1];
  p->aFreq = &p->aIDF[nPhrase];
  p->avgdl = nRow > 0 && nToken > 0 ? (double)nToken / (double)nRow : 1.0;
  for (int i = 0; i < nPhrase; i++) {
    int arg = nCol + i;
    double n = arg < nVal ? sqlite3_value_double(apVal[arg]) : -1.0;
    double idf = 1.0;
    if (n >= 0) {
      idf = log((0.5 + (double)nRow - n) / (0.5 + n));
      if (idf <= 0.0) idf = 1e-6;
    }
    p->aIDF[i] = idf;
  }
  rc = pApi->xSetAuxdata(pFts, p, sqlite3_free);
  if (rc != SQLITE_OK) {
    *pRc = rc;
    return 0;
  }
  return p;
}

static void quorumRank(const Fts5ExtensionApi *pApi, Fts5Context *pFts, sqlite3_context *pCtx, int nVal,
                       sqlite3_value **apVal) {
  const double k1 = 1.2;
  const double b = 0.75;
  int rc = SQLITE_OK;
  RankData *p = rankData(pApi, pFts, nVal, apVal, &rc);
  if (!p) {
    sqlite3_result_error_code(pCtx, rc);
    return;
  }
  int nCol = pApi->xColumnCount(pFts);
  memset(p->aFreq, 0, sizeof(double) * p->nPhrase);
  int nInst = 0;
  rc = pApi->xInstCount(pFts, &nInst);
  for (int i = 0; rc == SQLITE_OK && i < nInst; i++) {
    int ip, ic, io;
    rc = pApi->xInst(pFts, i, &ip, &ic, &io);
    if (rc == SQLITE_OK && ip >= 0 && ip < p->nPhrase) {
      double w = (ic < nCol && ic < nVal) ? sqlite3_value_double(apVal[ic]) : 1.0;
      p->aFreq[ip] += w;
    }
  }
  int nTok = 0;
  if (rc == SQLITE_OK) rc = pApi->xColumnSize(pFts, -1, &nTok);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(pCtx, rc);
    return;
  }
  double D = (double)nTok;
  double score = 0.0;
  for (int i = 0; i < p->nPhrase; i++) {
    double f = p->aFreq[i];
    score += p->aIDF[i] * ((f * (k1 + 1.0)) / (f + k1 * (1.0 - b + b * D / p->avgdl)));
  }
  sqlite3_result_double(pCtx, -1.0 * score);
}

/* The FTS5 API of this connection, as the FTS5 documentation says to obtain it. */
static fts5_api *fts5Api(sqlite3 *db) {
  fts5_api *pRet = 0;
  sqlite3_stmt *pStmt = 0;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &pStmt, 0) == SQLITE_OK) {
    sqlite3_bind_pointer(pStmt, 1, (void *)&pRet, "fts5_api_ptr", 0);
    sqlite3_step(pStmt);
  }
  sqlite3_finalize(pStmt);
  return pRet;
}

#ifdef _WIN32
__declspec(dllexport)
#endif
int sqlite3_quorumrank_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi) {
  SQLITE_EXTENSION_INIT2(pApi);
  fts5_api *fts5 = fts5Api(db);
  if (!fts5 || fts5->iVersion < 2) {
    *pzErrMsg = sqlite3_mprintf("quorum_rank needs FTS5");
    return SQLITE_ERROR;
  }
  return fts5->xCreateFunction(fts5, "quorum_rank", 0, quorumRank, 0);
}
