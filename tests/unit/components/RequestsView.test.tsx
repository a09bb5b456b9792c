import { screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { RequestsView } from '../../../components/dashboard/RequestsView';
import { parseRoute } from '../../../stores/route';
import { renderIn } from './render';

describe('Requests started from a site', () => {
  it('reads the site and the kind of request from the hash, and nothing else', () => {
    expect(parseRoute('#/requests?site=shop.example&type=access')).toEqual({ name: 'requests', draft: { site: 'shop.example', type: 'access' } });
    expect(parseRoute('#/requests?site=a.vn&type=erasure')).toEqual({ name: 'requests', draft: { site: 'a.vn', type: 'erasure' } });
    expect(parseRoute('#/requests?site=a.vn&type=sell')).toEqual({ name: 'requests', draft: null });
    expect(parseRoute('#/requests')).toEqual({ name: 'requests', draft: null });
    expect(parseRoute('#/sites/shop.example')).toEqual({ name: 'site', site: 'shop.example' });
  });

  it('says the composer is coming, for the site asked about', () => {
    const { rerender } = renderIn(<RequestsView requests={[]} draft={{ site: 'shop.example', type: 'erasure' }} />);
    expect(screen.getByTestId('request-draft').textContent).toContain('You asked to have shop.example delete your data.');
    rerender(<RequestsView requests={[]} draft={null} />);
    expect(screen.queryByTestId('request-draft')).toBeNull();
  });
});
