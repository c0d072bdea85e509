# Copyright 2026 The open-vcluster-api Authors
# SPDX-License-Identifier: Apache-2.0
"""Pagers: iterate every item of a List RPC across its pages, or the pages
themselves with ``.pages()``. A page is fetched only when it is needed."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from typing import Generic, Protocol, TypeVar

T = TypeVar("T")


class _Page(Protocol):
    @property
    def next_page_token(self) -> str: ...


P = TypeVar("P", bound=_Page)


class Pager(Generic[T, P]):
    """``for vc in client.list_vclusters(request)`` walks every page;
    ``for page in pager.pages()`` gives each ``List...Response`` (with its
    ``version`` and ``total_size``)."""

    def __init__(self, fetch: Callable[[str], P], items: Callable[[P], Sequence[T]], first_token: str = "") -> None:
        self._fetch = fetch
        self._items = items
        self._first_token = first_token

    def pages(self) -> Iterator[P]:
        token = self._first_token
        while True:
            page = self._fetch(token)
            yield page
            token = page.next_page_token
            if not token:
                return

    def __iter__(self) -> Iterator[T]:
        for page in self.pages():
            yield from self._items(page)


class AsyncPager(Generic[T, P]):
    """``async for vc in client.list_vclusters(request)``; ``pager.pages()``
    is an async iterator of the responses."""

    def __init__(
        self, fetch: Callable[[str], Awaitable[P]], items: Callable[[P], Sequence[T]], first_token: str = ""
    ) -> None:
        self._fetch = fetch
        self._items = items
        self._first_token = first_token

    async def pages(self) -> AsyncIterator[P]:
        token = self._first_token
        while True:
            page = await self._fetch(token)
            yield page
            token = page.next_page_token
            if not token:
                return

    async def __aiter__(self) -> AsyncIterator[T]:
        async for page in self.pages():
            for item in self._items(page):
                yield item
