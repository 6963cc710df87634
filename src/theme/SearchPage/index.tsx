import React, {type ReactNode} from 'react';
import OriginalSearchPage from '@theme-original/SearchPage';
import {LayoutMainContext} from '@site/src/theme/Layout';

/** The search plugin's results page, with its content in a <main> landmark like every other page. */
export default function SearchPage(): ReactNode {
  return (
    <LayoutMainContext.Provider value>
      <OriginalSearchPage />
    </LayoutMainContext.Provider>
  );
}
