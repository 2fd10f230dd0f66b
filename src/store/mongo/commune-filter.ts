// A commune filter as a mongoose condition on `commune` ($in with null also matches documents written
// before communes existed, which have no such field: the default commune's).
import mongoose from 'mongoose';
import type { CommuneFilter } from '../ports';

export const communeFilter = (communes: CommuneFilter | undefined) =>
  communes ? { commune: mongoose.trusted({ $in: [...communes] }) } : {};
